import { area } from '../types'

/** What the committee's two screens (Strategy, Validation) share: the model and the loans they run on. */
export const committee = area(
  {
    model: 'Model',
    noModel: 'Choose a model',
    heldOut: "The model's held-out rows",
    chooseFile: 'Choose CSV file…',
    useHeldOut: 'Use the held-out rows',
    openFailed: 'Could not open the file',
    emptyStrategy: 'Choose a cut-off by what it approves, loses and earns',
    emptyValidation: 'Validate a model before and after it goes live',
    emptyText:
      "The committee's screens work on a trained model: its held-out rows, or a file of loans with their outcomes.",
    emptyFirst: 'train a model.'
  },
  {
    model: 'मॉडल',
    noModel: 'एक मॉडल चुनें',
    heldOut: 'मॉडल की अलग रखी गई पंक्तियाँ',
    chooseFile: 'CSV फ़ाइल चुनें…',
    useHeldOut: 'अलग रखी गई पंक्तियाँ इस्तेमाल करें',
    openFailed: 'फ़ाइल नहीं खुल सकी',
    emptyStrategy: 'कट-ऑफ़ चुनें: वह कितने ऋण स्वीकार करता है, कितना खोता है और कितना कमाता है',
    emptyValidation: 'मॉडल को लागू करने से पहले और बाद में सत्यापित करें',
    emptyText:
      'समिति की स्क्रीनें प्रशिक्षित मॉडल पर काम करती हैं: उसकी अलग रखी गई पंक्तियों पर, या परिणाम सहित ऋणों की फ़ाइल पर।',
    emptyFirst: 'एक मॉडल प्रशिक्षित करें।'
  }
)
