import { area } from '../types'

/** What an empty screen says, and the way to what it needs: data → train → make a model active → score. */
export const firstSteps = area(
  {
    goData: 'Go to Data',
    goTrain: 'Go to Train',
    goModels: 'Go to Models',
    makeDataset:
      'Generate a synthetic loan book or import a CSV file on the Data screen; it becomes the active dataset',
    explore: {
      title: 'Nothing to explore yet',
      text: "Explore shows each column's distribution, how it relates to default, the correlations and the missing values of a dataset.",
      first: '{make}.'
    },
    train: {
      title: 'Nothing to train on yet',
      text: 'A model learns from a dataset of past loans and their outcomes: who repaid and who defaulted.',
      first: '{make}, and you train on it here.'
    },
    models: {
      title: 'No model yet',
      text: 'A model predicts, for a loan applicant, the probability of default. Each training run on the Train screen adds a model version here, with how well it predicts on loans it never saw.',
      firstTrain:
        'Train a model on the active dataset on the Train screen (200 trees on 20,000 loans take well under a minute).',
      firstData:
        'Create a dataset on the Data screen (generate a synthetic loan book or import a CSV file), then train a model on it.'
    },
    score: {
      text: 'Scoring gives, for one applicant or a whole CSV file of them, the probability of default, the decision, the risk grade (A–E) and the main reasons.',
      noActiveTitle: 'No model is active for scoring',
      noActiveFirst:
        'Choose the model to score with on the Models screen: open one and ask for it to be made active (a second person confirms).',
      noModelTitle: 'No model to score with yet',
      noModelFirst: 'Train a model on the Train screen; the first model trained becomes the active one.',
      officerTitle: 'No model is ready for scoring',
      officerText: 'Applicants are assessed with a model your risk team has approved for use.',
      officerFirst: 'Ask your risk team to make a model active. Nothing can be scored until then.'
    }
  },
  {
    goData: 'डेटा पर जाएँ',
    goTrain: 'प्रशिक्षण पर जाएँ',
    goModels: 'मॉडल पर जाएँ',
    makeDataset: 'डेटा स्क्रीन पर एक कृत्रिम ऋण पोर्टफोलियो बनाएँ या CSV फ़ाइल आयात करें; वह सक्रिय डेटासेट बन जाता है',
    explore: {
      title: 'अभी विश्लेषण के लिए कुछ नहीं',
      text: 'विश्लेषण में डेटासेट के हर कॉलम का वितरण, चूक से उसका संबंध, सहसंबंध और खाली मान दिखते हैं।',
      first: '{make}।'
    },
    train: {
      title: 'अभी प्रशिक्षण के लिए कुछ नहीं',
      text: 'मॉडल पिछले ऋणों और उनके परिणामों से सीखता है: किसने चुकाया और किसने चूक की।',
      first: '{make}, फिर यहाँ उस पर प्रशिक्षण दें।'
    },
    models: {
      title: 'अभी कोई मॉडल नहीं',
      text: 'मॉडल किसी ऋण आवेदक के लिए चूक की संभावना बताता है। प्रशिक्षण स्क्रीन पर हर प्रशिक्षण से यहाँ एक मॉडल संस्करण जुड़ता है, साथ में यह कि वह अनदेखे ऋणों पर कितना सही है।',
      firstTrain:
        'प्रशिक्षण स्क्रीन पर सक्रिय डेटासेट पर मॉडल प्रशिक्षित करें (20,000 ऋणों पर 200 ट्री में एक मिनट से कम लगता है)।',
      firstData:
        'डेटा स्क्रीन पर डेटासेट बनाएँ (कृत्रिम ऋण पोर्टफोलियो बनाएँ या CSV फ़ाइल आयात करें), फिर उस पर मॉडल प्रशिक्षित करें।'
    },
    score: {
      text: 'आकलन से किसी एक आवेदक या पूरी CSV फ़ाइल के लिए चूक की संभावना, निर्णय, जोखिम श्रेणी (A–E) और मुख्य कारण मिलते हैं।',
      noActiveTitle: 'आकलन के लिए कोई मॉडल सक्रिय नहीं',
      noActiveFirst:
        'मॉडल स्क्रीन पर आकलन का मॉडल चुनें: उसे खोलें और सक्रिय करने का अनुरोध करें (दूसरा व्यक्ति पुष्टि करता है)।',
      noModelTitle: 'आकलन के लिए अभी कोई मॉडल नहीं',
      noModelFirst: 'प्रशिक्षण स्क्रीन पर मॉडल प्रशिक्षित करें; पहला प्रशिक्षित मॉडल सक्रिय हो जाता है।',
      officerTitle: 'आकलन के लिए कोई मॉडल तैयार नहीं',
      officerText: 'आवेदकों का आकलन उस मॉडल से होता है जिसे आपकी जोखिम टीम ने उपयोग के लिए स्वीकृत किया है।',
      officerFirst: 'अपनी जोखिम टीम से किसी मॉडल को सक्रिय करने को कहें। तब तक किसी का आकलन नहीं हो सकता।'
    }
  }
)
