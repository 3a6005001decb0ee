import { describe, expect, it } from 'vitest'
import { setLang } from '../../../src/renderer/src/i18n'
import {
  formatBytes,
  formatCompact,
  formatCount,
  formatDuration,
  formatINR,
  formatIndianWords,
  formatNumber,
  formatPercent,
  formatStat,
  isMoneyColumn,
  MISSING
} from '../../../src/renderer/src/ui/format'

describe('formatINR', () => {
  it('groups rupees in lakhs and crores with the ₹ sign and no paise', () => {
    expect(formatINR(1234567)).toBe('₹12,34,567')
    expect(formatINR(123456789)).toBe('₹12,34,56,789')
    expect(formatINR(999.6)).toBe('₹1,000')
    expect(formatINR(0)).toBe('₹0')
  })

  it('shows a dash for a missing or non-finite amount', () => {
    expect(formatINR(null)).toBe(MISSING)
    expect(formatINR(undefined)).toBe(MISSING)
    expect(formatINR(Number.NaN)).toBe(MISSING)
    expect(formatINR(Number.POSITIVE_INFINITY)).toBe(MISSING)
  })
})

describe('counts and numbers', () => {
  it('groups counts the Indian way', () => {
    expect(formatCount(1_000_000)).toBe('10,00,000')
    expect(formatCount(2000)).toBe('2,000')
    expect(formatCount(10_000_000)).toBe('1,00,00,000')
  })

  it('keeps at most the requested decimals', () => {
    expect(formatNumber(713.4789)).toBe('713.48')
    expect(formatNumber(123456.5, 0)).toBe('1,23,457')
  })

  it('says big counts in lakh and crore', () => {
    expect(formatIndianWords(1_000_000)).toBe('10 lakh')
    expect(formatIndianWords(250_000)).toBe('2.5 lakh')
    expect(formatIndianWords(12_000_000)).toBe('1.2 crore')
    expect(formatIndianWords(20_000)).toBe('20 thousand')
    expect(formatIndianWords(750)).toBe('750')
  })

  it('says them in Hindi when the window speaks Hindi', () => {
    setLang('hi')
    try {
      expect(formatIndianWords(20_000)).toBe('20 हज़ार')
      expect(formatIndianWords(250_000)).toBe('2.5 लाख')
      expect(formatIndianWords(12_000_000)).toBe('1.2 करोड़')
    } finally {
      setLang('en')
    }
  })

  it('writes percentages of a share', () => {
    expect(formatPercent(0.1234)).toBe('12.3 %')
    expect(formatPercent(0.05, 0)).toBe('5 %')
    expect(formatPercent(null)).toBe(MISSING)
  })

  it('shortens axis labels with L and Cr, and K for money', () => {
    expect(formatCompact(450_000, true)).toBe('₹4.5 L')
    expect(formatCompact(12_000_000, true)).toBe('₹1.2 Cr')
    expect(formatCompact(60_000, true)).toBe('₹60 K')
    expect(formatCompact(720)).toBe('720')
    expect(formatCompact(0.25)).toBe('0.25')
  })
})

describe('money columns', () => {
  it('recognises rupee columns by name, and not ratios of them', () => {
    for (const name of ['Annual_Income', 'Account_Balance', 'Loan_Amount', 'monthly_emi', 'SALARY']) {
      expect(isMoneyColumn(name)).toBe(true)
    }
    const ratios = ['Debt_to_Income', 'Loan_to_Balance_Ratio', 'debt to income', 'Income_Share']
    for (const name of ['Age', 'Credit_Score', 'Interest_Rate', 'Loan_Term_Months', ...ratios]) {
      expect(isMoneyColumn(name)).toBe(false)
    }
  })

  it('formats statistics of money columns in rupees and others as numbers', () => {
    expect(formatStat('Annual_Income', 502884.2)).toBe('₹5,02,884')
    expect(formatStat('Credit_Score', 713.48)).toBe('713.48')
  })
})

describe('durations and sizes', () => {
  it('writes elapsed and remaining time in seconds, minutes and hours', () => {
    expect(formatDuration(8.4)).toBe('8 s')
    expect(formatDuration(125)).toBe('2 min 05 s')
    expect(formatDuration(3840)).toBe('1 h 04 min')
    expect(formatDuration(null)).toBe(MISSING)
  })

  it('writes file sizes', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB')
  })
})
