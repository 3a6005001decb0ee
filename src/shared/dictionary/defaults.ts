import type { Bilingual, DictionaryEntry, FieldUnit } from './schema'

/**
 * The dictionary of the specification's columns (the generated loan book and the /predict
 * example): the defaults a bank's own file starts from wherever its column names match.
 */

const b = (en: string, hi: string): Bilingual => ({ en, hi })

function entry(
  field: string,
  unit: FieldUnit,
  label: Bilingual,
  description: Bilingual,
  values?: Record<string, Bilingual>
): DictionaryEntry {
  return values ? { field, unit, label, description, values } : { field, unit, label, description }
}

export const SPEC_DICTIONARY: readonly DictionaryEntry[] = [
  entry(
    'Customer_ID',
    'category',
    b('Customer ID', 'ग्राहक आईडी'),
    b('The bank’s customer number.', 'बैंक की ग्राहक संख्या।')
  ),
  entry(
    'Age',
    'years',
    b('Age', 'आयु'),
    b('Age of the applicant in completed years.', 'आवेदक की आयु, पूरे वर्षों में।')
  ),
  entry('Region', 'category', b('Region', 'क्षेत्र'), b('Region of the branch.', 'शाखा का क्षेत्र।'), {
    North: b('North', 'उत्तर'),
    South: b('South', 'दक्षिण'),
    East: b('East', 'पूर्व'),
    West: b('West', 'पश्चिम'),
    Central: b('Central', 'मध्य'),
    'North-East': b('North-East', 'पूर्वोत्तर')
  }),
  entry(
    'Area_Type',
    'category',
    b('Area type', 'क्षेत्र का प्रकार'),
    b('Where the applicant lives.', 'आवेदक कहाँ रहता है।'),
    {
      Urban: b('Urban', 'शहरी'),
      'Semi-Urban': b('Semi-urban', 'अर्ध-शहरी'),
      Rural: b('Rural', 'ग्रामीण')
    }
  ),
  entry(
    'Employment_Status',
    'category',
    b('Employment', 'रोज़गार'),
    b('How the applicant earns a living.', 'आवेदक की आजीविका का साधन।'),
    {
      Salaried: b('Salaried', 'वेतनभोगी'),
      'Self-Employed': b('Self-employed', 'स्वरोज़गार'),
      Agriculture: b('Agriculture', 'कृषि'),
      Business: b('Business', 'व्यवसाय'),
      Retired: b('Retired', 'सेवानिवृत्त'),
      Unemployed: b('Unemployed', 'बेरोज़गार')
    }
  ),
  entry(
    'Annual_Income',
    'inr',
    b('Annual income', 'वार्षिक आय'),
    b('Income per year, in rupees.', 'प्रति वर्ष आय, रुपये में।')
  ),
  entry(
    'Account_Balance',
    'inr',
    b('Account balance', 'खाते में शेष राशि'),
    b('Balance of the applicant’s accounts with the bank, in rupees.', 'बैंक में आवेदक के खातों की शेष राशि, रुपये में।')
  ),
  entry(
    'Credit_Score',
    'score',
    b('Credit score', 'क्रेडिट स्कोर'),
    b(
      'Bureau score from 300 to 900 (CIBIL-style); empty when there is no credit history.',
      'ब्यूरो स्कोर 300 से 900 (सिबिल जैसा); क्रेडिट इतिहास न हो तो खाली।'
    )
  ),
  entry(
    'Years_With_Bank',
    'years',
    b('Years with the bank', 'बैंक के साथ वर्ष'),
    b('How long the applicant has banked with us.', 'आवेदक कितने वर्षों से हमारे बैंक का ग्राहक है।')
  ),
  entry(
    'Existing_Loans',
    'count',
    b('Existing loans', 'मौजूदा ऋण'),
    b('Loans the applicant is repaying now.', 'आवेदक अभी जितने ऋण चुका रहा है।')
  ),
  entry(
    'Past_Delinquencies',
    'count',
    b('Past missed payments', 'पिछली चूकी किस्तें'),
    b('Payments missed on earlier loans.', 'पिछले ऋणों में चूकी गई किस्तें।')
  ),
  entry(
    'Loan_Purpose',
    'category',
    b('Loan purpose', 'ऋण का उद्देश्य'),
    b('What the loan is for.', 'ऋण किस लिए है।'),
    {
      Home: b('Home', 'गृह'),
      Vehicle: b('Vehicle', 'वाहन'),
      Personal: b('Personal', 'व्यक्तिगत'),
      Education: b('Education', 'शिक्षा'),
      Business: b('Business', 'व्यवसाय'),
      Gold: b('Gold', 'स्वर्ण'),
      Agriculture: b('Agriculture', 'कृषि')
    }
  ),
  entry(
    'Loan_Amount',
    'inr',
    b('Loan amount', 'ऋण राशि'),
    b('Amount asked for, in rupees.', 'माँगी गई राशि, रुपये में।')
  ),
  entry(
    'Loan_Term_Months',
    'months',
    b('Loan term', 'ऋण अवधि'),
    b('Repayment period in months.', 'चुकाने की अवधि, महीनों में।')
  ),
  entry(
    'Interest_Rate',
    'percent',
    b('Interest rate', 'ब्याज दर'),
    b('Yearly interest rate offered, in per cent.', 'प्रस्तावित वार्षिक ब्याज दर, प्रतिशत में।')
  ),
  entry(
    'Collateral',
    'category',
    b('Collateral', 'जमानत'),
    b('Whether the loan is secured.', 'क्या ऋण सुरक्षित है।'),
    {
      Yes: b('Yes', 'हाँ'),
      No: b('No', 'नहीं')
    }
  ),
  entry(
    'Debt_to_Income',
    'share',
    b('Debt to income', 'ऋण-आय अनुपात'),
    b(
      'Yearly debt payments as a share of yearly income (40 % = 0.4).',
      'वार्षिक ऋण भुगतान, वार्षिक आय के हिस्से के रूप में (40 % = 0.4)।'
    )
  ),
  entry(
    'Loan_to_Balance_Ratio',
    'ratio',
    b('Loan to balance', 'ऋण-शेष अनुपात'),
    b('Loan amount divided by account balance (computed).', 'ऋण राशि को खाते की शेष राशि से भाग (गणना से)।')
  ),
  entry(
    'High_Credit_Risk',
    'flag',
    b('Credit score below 600', 'क्रेडिट स्कोर 600 से कम'),
    b('1 when the credit score is below the cut (computed).', 'क्रेडिट स्कोर सीमा से कम हो तो 1 (गणना से)।')
  ),
  entry('Age_Group', 'category', b('Age group', 'आयु वर्ग'), b('Age bracket (computed).', 'आयु वर्ग (गणना से)।')),
  entry('Default', 'flag', b('Defaulted', 'चूक हुई'), b('1 when the loan defaulted.', 'ऋण में चूक हुई हो तो 1।'))
]

/** The fields a /predict request of the specification sends: required by default. */
export const SPEC_REQUIRED_FIELDS = [
  'Credit_Score',
  'Loan_Amount',
  'Account_Balance',
  'Interest_Rate'
] as const
