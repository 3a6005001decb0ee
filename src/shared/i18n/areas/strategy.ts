import { area } from '../types'

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
  {
    loadFailed: 'रणनीति की गणना नहीं हो सकी',
    columnsFailed: 'डेटा के कॉलम नहीं पढ़े जा सके',
    dataLine: 'मॉडल #{model}, {label} पर: {defaults} में चूक।',
    dataNoOutcomes: 'मॉडल #{model}, {label} पर: परिणाम ज्ञात नहीं।',
    settings: {
      aria: 'रणनीति की सेटिंग',
      title: 'ऋण और मान्यताएँ',
      loans: 'ऋण',
      loansHint: 'परिणाम (चूक हुई या नहीं) और मॉडल के इनपुट सहित ऋणों की CSV; वरना प्रशिक्षण में अलग रखी गई पंक्तियाँ।',
      lgd: 'LGD, %',
      lgdHint: 'Collateral कॉलम न होने पर।',
      margin: 'मार्जिन, %',
      marginHint: 'प्रति वर्ष शुद्ध ब्याज।',
      ead: 'जोखिम राशि (EAD) का कॉलम',
      eadDefault: 'मॉडल की ऋण राशि',
      target: 'वह कट-ऑफ़ सुझाएँ जो',
      maxProfit: 'सबसे अधिक कमाए',
      badRate: 'चूक दर सीमित रखे',
      approval: 'स्वीकृतियाँ सीमित रखे',
      noTarget: 'कोई सुझाव नहीं',
      maxBadRate: 'अधिकतम चूक दर, %',
      expected: 'अपेक्षित (PD से)',
      observed: 'वास्तविक',
      maxApproval: 'अधिकतम स्वीकृति दर, %'
    },
    chart: {
      title: 'कट-ऑफ़ रणनीति',
      aria: 'कट-ऑफ़ के अनुसार स्वीकृति दर, चूक दरें, अपेक्षित हानि और लाभ; कट-ऑफ़ चुनने के लिए अक्ष के नीचे का हैंडल खींचें',
      now: 'अभी {cutoff}',
      nowRecommended: 'अभी और सुझाया गया {cutoff}',
      recommended: 'सुझाया गया {cutoff}',
      at: 'कट-ऑफ़ {cutoff}',
      tipApproval: 'स्वीकृत: {rate}',
      tipBad: 'चूक दर, वास्तविक: {rate}',
      tipExpected: 'चूक दर, अपेक्षित: {rate}',
      tipLoss: 'अपेक्षित हानि: {amount}',
      tipProfit: 'अपेक्षित लाभ: {amount}',
      approval: 'स्वीकृत',
      badRate: 'चूक दर, वास्तविक',
      expectedBadRate: 'चूक दर, अपेक्षित',
      loss: 'अपेक्षित हानि',
      profit: 'अपेक्षित लाभ',
      approvalAxis: 'स्वीकृत',
      badRateAxis: 'चूक दर',
      lossAxis: 'अपेक्षित हानि, ₹',
      profitAxis: 'अपेक्षित लाभ, ₹'
    },
    cutoff: {
      label: 'कट-ऑफ़',
      aria: 'कट-ऑफ़: तीर कुंजियाँ इसे एक कदम खिसकाती हैं',
      backToNow: 'मौजूदा {cutoff} पर लौटें',
      toRecommended: 'सुझाए गए {cutoff} पर जाएँ',
      help: 'चार्ट के नीचे का हैंडल खींचें, किसी पैनल पर क्लिक करें, या स्लाइडर इस्तेमाल करें (तीर कुंजियाँ इसे ग्रिड का एक कदम खिसकाती हैं)। हर आँकड़ा इन्हीं ऋणों पर मॉडल से गणना किया गया है।'
    },
    tiles: {
      now: 'अभी {value}',
      approval: 'स्वीकृत ({n} ऋण)',
      badRate: 'चूक दर, वास्तविक',
      expectedBadRate: 'चूक दर, अपेक्षित',
      loss: 'अपेक्षित हानि',
      profit: 'अपेक्षित लाभ'
    },
    recommend: {
      profit: 'सुझाव: {cutoff}, सबसे अधिक अपेक्षित लाभ, {profit}, {approval} स्वीकृति के साथ।',
      leastLoss:
        'इस मार्जिन पर कोई कट-ऑफ़ लाभ नहीं देता। सुझाव: {cutoff}, सबसे कम हानि, {loss}, {approval} स्वीकृति के साथ।',
      approval: 'सुझाव: {cutoff}, {target} के भीतर सबसे अधिक स्वीकृतियाँ: {approval}।',
      expected: 'सुझाव: {cutoff}, सबसे अधिक स्वीकृतियाँ ({approval}), अपेक्षित चूक दर {rate}, {target} के भीतर।',
      observed: 'सुझाव: {cutoff}, सबसे अधिक स्वीकृतियाँ ({approval}), वास्तविक चूक दर {rate}, {target} के भीतर।',
      noneApproval: 'कोई भी कट-ऑफ़ {target} के भीतर रहते हुए किसी को स्वीकृत नहीं करता।',
      noneBadRate: 'सबसे सख़्त कट-ऑफ़ पर भी चूक दर {target} से अधिक है: कोई कट-ऑफ़ सुझाया नहीं गया।',
      noOutcomes: 'इन ऋणों के परिणाम नहीं हैं, इसलिए वास्तविक चूक दर नहीं है: अपेक्षित चूक दर को लक्ष्य बनाएँ।',
      noneProfit: 'वक्र में सुझाने लायक कोई कट-ऑफ़ नहीं है।'
    },
    conventions: {
      decision: 'आवेदक तब स्वीकृत होता है जब उसकी चूक-संभावना कट-ऑफ़ से कम हो।',
      period:
        'प्रति वर्ष: अपेक्षित हानि = PD × LGD × EAD, आय = (1 − PD) × EAD × {margin}; अस्वीकृत आवेदक न कुछ कमाते हैं, न खोते हैं।',
      lgdCollateral: 'सुरक्षित ऋणों पर LGD {secured}, असुरक्षित पर {unsecured} (Collateral कॉलम)।',
      lgdMissing:
        'संपार्श्विक की जानकारी के बिना {n} ऋण पर {flat} लगता है। | संपार्श्विक की जानकारी के बिना {n} ऋणों पर {flat} लगता है।',
      lgdFlat: 'हर ऋण पर LGD {flat} (डेटा में Collateral कॉलम नहीं है)।'
    },
    swap: {
      failed: 'निर्णय बदलने वालों की सूची नहीं बन सकी',
      title: 'किसका निर्णय बदलता है',
      intro: 'वे आवेदक जिनका निर्णय {to} पर मौजूदा {from} से अलग है, सबसे जोखिम वाले पहले।',
      none: 'कोई नहीं: यह कट-ऑफ़ हर आवेदक का निर्णय मौजूदा सीमा जैसा ही करता है।',
      inLine:
        '{n} आवेदक केवल नए कट-ऑफ़ पर स्वीकृत: चूक दर {badRate} (अपेक्षित {expected}), जोखिम राशि {exposure}, अपेक्षित हानि {loss}। | {n} आवेदक केवल नए कट-ऑफ़ पर स्वीकृत: चूक दर {badRate} (अपेक्षित {expected}), जोखिम राशि {exposure}, अपेक्षित हानि {loss}।',
      outLine:
        '{n} आवेदक केवल नए कट-ऑफ़ पर अस्वीकृत: चूक दर {badRate} (अपेक्षित {expected}), जोखिम राशि {exposure}, अपेक्षित हानि {loss}। | {n} आवेदक केवल नए कट-ऑफ़ पर अस्वीकृत: चूक दर {badRate} (अपेक्षित {expected}), जोखिम राशि {exposure}, अपेक्षित हानि {loss}।',
      aria: 'वे आवेदक जिनका निर्णय बदलता है',
      newlyApproved: 'अब स्वीकृत',
      newlyDeclined: 'अब अस्वीकृत',
      listedSome: '{total} में से सबसे जोखिम वाले {listed} सूचीबद्ध हैं।',
      listedAll: '{n} आवेदक। | {n} आवेदक।',
      defaulted: 'चूक हुई',
      repaid: 'चुकाया',
      columns: {
        change: 'बदलाव',
        line: 'पंक्ति',
        id: 'ग्राहक',
        pd: 'चूक की संभावना',
        outcome: 'परिणाम',
        exposure: 'जोखिम राशि'
      }
    },
    apply: {
      heading: 'निर्णय सीमा',
      current: 'मॉडल #{id} अभी {cutoff} से अस्वीकार करता है।',
      button: '{cutoff} लागू करें…',
      same: 'चुना गया कट-ऑफ़ ही मौजूदा सीमा है।',
      outside: 'सीमा 0 % और 100 % के बीच होनी चाहिए, दोनों को छोड़कर।',
      title: 'मॉडल #{id} पर नई सीमा लागू करें',
      change: '{from} से {to}',
      impact:
        '{approvalFrom} के बजाय {approvalTo} स्वीकृत; अपेक्षित चूक दर {badFrom} के बजाय {badTo}; अपेक्षित लाभ {profitFrom} के बजाय {profitTo} प्रति वर्ष।',
      effect:
        'इसके बाद हर आकलन नई सीमा का उपयोग करता है: एकल आकलन, बैच फ़ाइलें, /predict और निर्णय पत्र। बदलाव कारण, समय और पिछले मान के साथ दर्ज होता है।',
      reason: 'कारण (रिकॉर्ड में रखा जाता है)',
      reasonPlaceholder: 'जैसे 12 मार्च की समिति बैठक: 3 % मार्जिन पर अपेक्षित लाभ अधिकतम करें',
      reasonRequired: 'लिखें कि सीमा क्यों बदल रही है।',
      confirm: '{cutoff} लागू करें',
      failed: 'सीमा लागू नहीं हो सकी',
      done: 'मॉडल अब {to} से अस्वीकार करता है (पहले {from})।'
    },
    history: {
      failed: 'सीमा का इतिहास लोड नहीं हो सका',
      title: 'सीमा का इतिहास',
      empty: 'प्रशिक्षण के बाद कोई बदलाव नहीं।',
      columns: { when: 'लागू', from: 'से', to: 'तक', reason: 'कारण' }
    }
  }
)
