import { area } from '../types'
import hi from '../locales/hi/units.json'

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
  hi
)
