import type { ApplicantRef } from './dto'

/** An applicant reference on one line: "Ravi Kumar · CUST0001 · APP-17" ('' when there is none). */
export function refLine(ref: ApplicantRef | null | undefined): string {
  if (!ref) return ''
  return [ref.name, ref.customerId, ref.applicationNo, ref.text].filter(Boolean).join(' · ')
}
