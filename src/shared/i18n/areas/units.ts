import { area } from '../types'

/** How amounts and values are said: lakh and crore, percentages, months and years, yes and no. */
export const units = area(
  {
    thousand: '{value} thousand',
    lakh: '{value} lakh',
    crore: '{value} crore',
    percent: '{value} %',
    months: '{value} months',
    years: '{value} years',
    notGiven: 'not given',
    yes: 'yes',
    no: 'no'
  },
  {
    thousand: '{value} हज़ार',
    lakh: '{value} लाख',
    crore: '{value} करोड़',
    percent: '{value} %',
    months: '{value} महीने',
    years: '{value} वर्ष',
    notGiven: 'नहीं दिया गया',
    yes: 'हाँ',
    no: 'नहीं'
  }
)
