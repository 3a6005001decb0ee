import { area } from '../types'
import hi from '../locales/hi/strategy.json'

/** The Strategy screen: the cut-off a credit committee chooses, by approvals, bad rates, ₹ lost and earned. */
export const strategy = area(
  {
    loadFailed: 'Could not compute the strategy',
    columnsFailed: 'Could not read the columns of the data',
    dataLine: 'Model #{model} on {label}: {defaults} defaulted.',
    dataNoOutcomes: 'Model #{model} on {label}: outcomes not known.',
    settings: {
      aria: 'Strategy settings',
      title: 'Loans and assumptions',
      loans: 'Loans',
      loansHint:
        'A CSV of loans with outcomes (defaulted or not) and the model’s inputs; else the rows held out in training.',
      lgd: 'LGD, %',
      lgdHint: 'Used without a Collateral column.',
      margin: 'Margin, %',
      marginHint: 'Net interest a year.',
      ead: 'Exposure (EAD) column',
      eadDefault: 'The model’s loan amount',
      target: 'Recommend the cut-off that',
      maxProfit: 'earns the most',
      badRate: 'keeps a bad rate',
      approval: 'caps approvals',
      noTarget: 'no recommendation',
      maxBadRate: 'Highest bad rate, %',
      expected: 'expected (PDs)',
      observed: 'observed',
      maxApproval: 'Highest approval rate, %'
    },
    chart: {
      title: 'Cut-off strategy',
      aria: 'Approval rate, bad rates, expected loss and profit against the cut-off; drag the handle under the axis to choose a cut-off',
      now: 'now {cutoff}',
      nowRecommended: 'now and recommended {cutoff}',
      recommended: 'recommended {cutoff}',
      at: 'Cut-off {cutoff}',
      tipApproval: 'Approved: {rate}',
      tipBad: 'Bad rate, observed: {rate}',
      tipExpected: 'Bad rate, expected: {rate}',
      tipLoss: 'Expected loss: {amount}',
      tipProfit: 'Expected profit: {amount}',
      approval: 'Approved',
      badRate: 'Bad rate, observed',
      expectedBadRate: 'Bad rate, expected',
      loss: 'Expected loss',
      profit: 'Expected profit',
      approvalAxis: 'Approved',
      badRateAxis: 'Bad rate',
      lossAxis: 'Expected loss, ₹',
      profitAxis: 'Expected profit, ₹'
    },
    cutoff: {
      label: 'Cut-off',
      aria: 'Cut-off: arrow keys move it one step',
      backToNow: 'Back to the current {cutoff}',
      toRecommended: 'Go to the recommended {cutoff}',
      help: 'Drag the handle under the chart, click a panel, or use the slider (arrow keys move it one step of the grid). Every figure is computed by the model on these loans.'
    },
    tiles: {
      now: 'now {value}',
      approval: 'Approved ({n} loans)',
      badRate: 'Bad rate, observed',
      expectedBadRate: 'Bad rate, expected',
      loss: 'Expected loss',
      profit: 'Expected profit'
    },
    recommend: {
      profit: 'Recommended: {cutoff}, the highest expected profit, {profit}, approving {approval}.',
      leastLoss:
        'No cut-off makes a profit at this margin. Recommended: {cutoff}, the smallest loss, {loss}, approving {approval}.',
      approval: 'Recommended: {cutoff}, the most approvals within {target}: {approval}.',
      expected:
        'Recommended: {cutoff}, the most approvals ({approval}) with an expected bad rate of {rate}, within {target}.',
      observed:
        'Recommended: {cutoff}, the most approvals ({approval}) with an observed bad rate of {rate}, within {target}.',
      noneApproval: 'No cut-off approves anybody while staying within {target}.',
      noneBadRate: 'Even the strictest cut-off has a bad rate above {target}: no cut-off is recommended.',
      noOutcomes: 'These loans have no outcomes, so there is no observed bad rate: target the expected one.',
      noneProfit: 'The curve has no cut-off to recommend.'
    },
    conventions: {
      decision: 'An applicant is approved when the probability of default is below the cut-off.',
      period:
        'Per year: expected loss = PD × LGD × EAD, income = (1 − PD) × EAD × {margin}; declined applicants earn and lose nothing.',
      lgdCollateral: 'LGD {secured} for secured and {unsecured} for unsecured loans (Collateral column).',
      lgdMissing:
        '{n} loan without a collateral flag takes {flat}. | {n} loans without a collateral flag take {flat}.',
      lgdFlat: 'LGD {flat} for every loan (the data has no Collateral column).'
    },
    swap: {
      failed: 'Could not list who changes decision',
      title: 'Who changes decision',
      intro: 'Applicants decided differently at {to} than at the current {from}, riskiest first.',
      none: 'Nobody: this cut-off decides every applicant as the current threshold does.',
      inLine:
        '{n} applicant approved only under the new cut-off: bad rate {badRate} (expected {expected}), exposure {exposure}, expected loss {loss}. | {n} applicants approved only under the new cut-off: bad rate {badRate} (expected {expected}), exposure {exposure}, expected loss {loss}.',
      outLine:
        '{n} applicant declined only under the new cut-off: bad rate {badRate} (expected {expected}), exposure {exposure}, expected loss {loss}. | {n} applicants declined only under the new cut-off: bad rate {badRate} (expected {expected}), exposure {exposure}, expected loss {loss}.',
      aria: 'Applicants who change decision',
      newlyApproved: 'Now approved',
      newlyDeclined: 'Now declined',
      listedSome: 'The {listed} riskiest of {total} are listed.',
      listedAll: '{n} applicant. | {n} applicants.',
      defaulted: 'Defaulted',
      repaid: 'Repaid',
      columns: {
        change: 'Change',
        line: 'Line',
        id: 'Customer',
        pd: 'Probability of default',
        outcome: 'Outcome',
        exposure: 'Exposure'
      }
    },
    apply: {
      heading: 'Decision threshold',
      current: 'Model #{id} declines from {cutoff} now.',
      button: 'Apply {cutoff}…',
      same: 'The chosen cut-off is the current threshold.',
      outside: 'A threshold must lie between 0 % and 100 %, both excluded.',
      title: 'Apply a new threshold to model #{id}',
      change: 'From {from} to {to}',
      impact:
        'Approves {approvalTo} instead of {approvalFrom}; expected bad rate {badTo} instead of {badFrom}; expected profit {profitTo} instead of {profitFrom} a year.',
      effect:
        'Every score after this uses the new threshold: single scores, batch files, /predict and decision sheets. The change is recorded with the reason, the time and the previous value.',
      reason: 'Reason (kept in the record)',
      reasonPlaceholder: 'e.g. Committee meeting of 12 March: maximise expected profit at a 3 % margin',
      reasonRequired: 'Write why the threshold changes.',
      confirm: 'Apply {cutoff}',
      failed: 'Could not apply the threshold',
      done: 'The model now declines from {to} (was {from}).'
    },
    history: {
      failed: 'Could not load the threshold history',
      title: 'Threshold history',
      empty: 'No change since training.',
      columns: { when: 'Applied', from: 'From', to: 'To', reason: 'Reason' }
    }
  },
  hi
)
