import type { Translated } from '../types'

/**
 * The validation pack's cover, test by test (part of the "validation" area): each test's
 * title, its figure, what each light means for a committee, and the bands it is judged by
 * (filled in from shared/validationThresholds.ts).
 */
export const verdictsEn = {
  noOutcomes: 'The data has no outcomes (defaulted or not): this test needs a file with them.',
  noReference: 'Needs newer loans to compare with the held-out rows: choose a file above.',
  noDistributions: 'The model stores no training distribution of its inputs.',
  noSegments: 'No segment column was chosen.',
  tooFewGroups: 'The PDs take too few distinct values to form three groups.',
  noGradeRows: 'No grade holds any loan.',
  noRows: 'No loans.',
  auc: {
    title: 'Discrimination: AUC and Gini',
    value: 'AUC {auc} (CI {lower}–{upper}), Gini {gini}',
    green: 'The model ranks defaulters above repayers well enough to decide on.',
    amber: 'The model ranks applicants, but weakly: decide with judgement and review cases near the cut-off.',
    red: 'The model ranks applicants little better than chance: do not use it for decisions.',
    unsure: 'Its 95 % interval reaches below {band}.',
    bands: 'green ≥ {green}, amber {amber}–{green}, red < {amber}'
  },
  ks: {
    title: 'Separation: KS',
    value: 'KS {ks} (CI {lower}–{upper})',
    green: 'The scores of defaulters and repayers are well apart.',
    amber: 'Defaulters and repayers overlap a good deal in score.',
    red: 'Defaulters and repayers score much alike.',
    bands: 'green ≥ {green}, amber {amber}–{green}, red < {amber}'
  },
  gradeCalibration: {
    title: 'Calibration by risk grade',
    value: 'grade {grade}: {defaults} defaults vs {expected} expected of {count}, p {p}',
    green: 'In every grade the defaults are in line with the PDs.',
    above: 'Grade {grade} defaults more than its PDs say: the model under-states its risk.',
    below: 'Grade {grade} defaults less than its PDs say: conservative, but it prices good risks too high.',
    bands:
      'binomial test per grade, Bonferroni over the grades: red p < {red} with more defaults than expected, amber p < {amber}'
  },
  hosmerLemeshow: {
    title: 'Calibration: Hosmer–Lemeshow over PD deciles',
    value: 'χ² {stat}, df {df}, p {p}',
    green: 'Predicted and observed default rates agree across the PD deciles.',
    other: 'Predicted and observed default rates differ in some PD deciles.',
    bands: 'green p ≥ {amber}, amber {red}–{amber}, red p < {red}'
  },
  psi: {
    title: 'Stability of the score: PSI',
    value: 'PSI {psi} over deciles ({grades} over grades)',
    green: 'The newer applicants score like the held-out ones.',
    amber: 'The score distribution has shifted: watch the grades and recheck calibration.',
    red: 'The population has changed markedly: revalidate before relying on the model.',
    bands: 'green < {amber}, amber {amber}–{red}, red > {red}'
  },
  csi: {
    title: 'Stability of the inputs: CSI',
    value: '{column} {csi}',
    more: '({n} inputs ≥ {band})',
    green: 'Every input is distributed as it was in training.',
    other: '{column} is distributed differently from training: check the data feed.',
    bands: 'largest CSI of any input: green < {amber}, amber {amber}–{red}, red > {red}'
  },
  concentration: {
    title: 'Concentration across grades',
    value: '{hhi} (HHI {raw}; grade {grade} holds {share})',
    green: 'Loans spread over the grades, so the grades tell risks apart.',
    other: 'Too many loans sit in grade {grade}: the grading differentiates little there.',
    bands: 'normalised Herfindahl: green < {amber}, amber {amber}–{red}, red > {red}'
  },
  segmentApproval: {
    title: 'Fair treatment: approval at equal risk',
    value: '{n} flagged; {column} = {value}: ratio {ratio}',
    noneFlagged: 'no segment flagged',
    green: 'Repayers in every segment are approved at comparable rates.',
    red: 'Repayers with {column} = {value} are approved much less often than equally good applicants elsewhere: review before use.',
    bands: 'approval rate of repayers under {ratio} of the best segment’s is red (four-fifths rule)'
  },
  segmentAuc: {
    title: 'Fair treatment: ranking within segments',
    value: '{n} flagged; {column} = {value}: AUC {auc} vs {overall}',
    noneFlagged: 'overall AUC {auc}; no segment materially lower',
    green: 'The model ranks applicants about as well in every segment.',
    amber: 'The model ranks {column} = {value} applicants less well: its decisions there are less reliable.',
    bands:
      'AUC {gap} or more below overall, with {n} or more of each outcome and its interval below, is amber'
  }
}

export const verdictsHi: Translated<typeof verdictsEn> = {
  noOutcomes: 'डेटा में परिणाम (चूक हुई या नहीं) नहीं हैं: इस परीक्षण को परिणाम सहित फ़ाइल चाहिए।',
  noReference: 'अलग रखी गई पंक्तियों से तुलना के लिए नए ऋण चाहिए: ऊपर एक फ़ाइल चुनें।',
  noDistributions: 'मॉडल में उसके इनपुट का प्रशिक्षण वितरण संग्रहीत नहीं है।',
  noSegments: 'कोई खंड कॉलम नहीं चुना गया।',
  tooFewGroups: 'PD के इतने कम अलग मान हैं कि तीन समूह नहीं बन सकते।',
  noGradeRows: 'किसी श्रेणी में कोई ऋण नहीं है।',
  noRows: 'कोई ऋण नहीं।',
  auc: {
    title: 'भेद क्षमता: AUC और Gini',
    value: 'AUC {auc} (CI {lower}–{upper}), Gini {gini}',
    green: 'मॉडल चूककर्ताओं को चुकाने वालों से ऊपर इतनी अच्छी तरह रखता है कि उस पर निर्णय लिए जा सकें।',
    amber: 'मॉडल आवेदकों को क्रम देता है, पर कमज़ोर ढंग से: विवेक से निर्णय लें और कट-ऑफ़ के पास के मामलों की समीक्षा करें।',
    red: 'मॉडल संयोग से बस थोड़ा बेहतर क्रम देता है: इसे निर्णयों के लिए इस्तेमाल न करें।',
    unsure: 'इसका 95 % अंतराल {band} से नीचे तक जाता है।',
    bands: 'हरा ≥ {green}, पीला {amber}–{green}, लाल < {amber}'
  },
  ks: {
    title: 'अलगाव: KS',
    value: 'KS {ks} (CI {lower}–{upper})',
    green: 'चूककर्ताओं और चुकाने वालों के स्कोर अच्छी तरह अलग हैं।',
    amber: 'चूककर्ताओं और चुकाने वालों के स्कोर काफ़ी हद तक मिलते हैं।',
    red: 'चूककर्ताओं और चुकाने वालों के स्कोर लगभग एक जैसे हैं।',
    bands: 'हरा ≥ {green}, पीला {amber}–{green}, लाल < {amber}'
  },
  gradeCalibration: {
    title: 'जोखिम श्रेणी के अनुसार अंशांकन',
    value: 'श्रेणी {grade}: {count} में से {defaults} चूक, अपेक्षित {expected}, p {p}',
    green: 'हर श्रेणी में चूक PD के अनुरूप है।',
    above: 'श्रेणी {grade} में PD के अनुमान से अधिक चूक होती है: मॉडल इसका जोखिम कम आँकता है।',
    below: 'श्रेणी {grade} में PD के अनुमान से कम चूक होती है: सतर्क, पर अच्छे जोखिम को महँगा आँकता है।',
    bands:
      'हर श्रेणी पर द्विपद परीक्षण, श्रेणियों पर बोनफ़ेरोनी: अपेक्षा से अधिक चूक के साथ p < {red} लाल, p < {amber} पीला'
  },
  hosmerLemeshow: {
    title: 'अंशांकन: PD दशमकों पर होस्मर–लेमेशो',
    value: 'χ² {stat}, df {df}, p {p}',
    green: 'PD के दशमकों में अनुमानित और वास्तविक चूक दरें मेल खाती हैं।',
    other: 'कुछ PD दशमकों में अनुमानित और वास्तविक चूक दरें अलग हैं।',
    bands: 'हरा p ≥ {amber}, पीला {red}–{amber}, लाल p < {red}'
  },
  psi: {
    title: 'स्कोर की स्थिरता: PSI',
    value: 'दशमकों पर PSI {psi} (श्रेणियों पर {grades})',
    green: 'नए आवेदकों के स्कोर अलग रखे गए आवेदकों जैसे हैं।',
    amber: 'स्कोर का वितरण खिसका है: श्रेणियों पर नज़र रखें और अंशांकन फिर जाँचें।',
    red: 'आबादी काफ़ी बदल गई है: मॉडल पर भरोसा करने से पहले फिर सत्यापित करें।',
    bands: 'हरा < {amber}, पीला {amber}–{red}, लाल > {red}'
  },
  csi: {
    title: 'इनपुट की स्थिरता: CSI',
    value: '{column} {csi}',
    more: '({n} इनपुट ≥ {band})',
    green: 'हर इनपुट का वितरण प्रशिक्षण जैसा ही है।',
    other: '{column} का वितरण प्रशिक्षण से अलग है: डेटा स्रोत जाँचें।',
    bands: 'किसी भी इनपुट का सबसे बड़ा CSI: हरा < {amber}, पीला {amber}–{red}, लाल > {red}'
  },
  concentration: {
    title: 'श्रेणियों में संकेंद्रण',
    value: '{hhi} (HHI {raw}; श्रेणी {grade} में {share})',
    green: 'ऋण श्रेणियों में फैले हैं, इसलिए श्रेणियाँ जोखिमों को अलग करती हैं।',
    other: 'श्रेणी {grade} में बहुत अधिक ऋण हैं: वहाँ श्रेणीकरण कम भेद करता है।',
    bands: 'सामान्यीकृत हर्फ़िंडाल: हरा < {amber}, पीला {amber}–{red}, लाल > {red}'
  },
  segmentApproval: {
    title: 'निष्पक्ष व्यवहार: समान जोखिम पर स्वीकृति',
    value: '{n} चिह्नित; {column} = {value}: अनुपात {ratio}',
    noneFlagged: 'कोई खंड चिह्नित नहीं',
    green: 'हर खंड में चुकाने वाले लगभग समान दर से स्वीकृत होते हैं।',
    red: '{column} = {value} वाले चुकाने वाले, कहीं और के उतने ही अच्छे आवेदकों से बहुत कम स्वीकृत होते हैं: इस्तेमाल से पहले समीक्षा करें।',
    bands: 'चुकाने वालों की स्वीकृति दर सबसे अच्छे खंड की {ratio} से कम हो तो लाल (चार-पाँचवाँ नियम)'
  },
  segmentAuc: {
    title: 'निष्पक्ष व्यवहार: खंडों के भीतर क्रम',
    value: '{n} चिह्नित; {column} = {value}: AUC {auc}, कुल {overall}',
    noneFlagged: 'कुल AUC {auc}; कोई खंड काफ़ी नीचे नहीं',
    green: 'मॉडल हर खंड में आवेदकों को लगभग उतनी ही अच्छी तरह क्रम देता है।',
    amber: 'मॉडल {column} = {value} वाले आवेदकों को कम अच्छी तरह क्रम देता है: वहाँ उसके निर्णय कम भरोसेमंद हैं।',
    bands: 'AUC कुल से {gap} या अधिक नीचे, हर परिणाम के कम से कम {n} ऋण और अंतराल भी नीचे हो तो पीला'
  }
}
