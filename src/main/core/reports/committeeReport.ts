import type { ProtectedPath } from '../base/outputFile'
import { Flow } from './pdfFlow'
import { drawFooters, formatDateTime, writePdfFile, type Doc } from './pdfKit'

/**
 * The file of a committee report (evaluation report, validation pack): its blocks flowed
 * down the pages, the same footer on every page, written all or nothing.
 */

/** A committee report's PDF title and subject, when it was made, and what its footer says. */
export interface ReportMeta {
  title: string
  subject: string
  createdAt: string
  /** The footer's first line: which report of which model. */
  footer: string
  /** The end of the footer's second line, after "Generated <when> by the Loan Default Workbench". */
  footnote: string
}

/** Writes a committee report to `path` all or nothing: `draw` flows its blocks down the pages; every page gets the footer. */
export async function writeReport(
  path: string,
  meta: ReportMeta,
  draw: (doc: Doc, flow: Flow) => void,
  protect: readonly ProtectedPath[]
): Promise<void> {
  await writePdfFile(
    path,
    meta,
    (doc) => {
      draw(doc, new Flow(doc))
      const generated = `Generated ${formatDateTime(meta.createdAt)} by the Loan Default Workbench`
      drawFooters(doc, meta.footer, `${generated} · ${meta.footnote}`)
    },
    protect
  )
}
