import type { Command } from 'commander'
import type { Workbench } from '../../core/service/Workbench'
import type { Run } from './CliContext'
import { listTable } from './format'

/** A command that lists what the store holds: which items, and how they read as a table and as JSON. */
export interface ListCommandSpec<T> {
  name: string
  description: string
  list: (service: Workbench) => T[]
  /** Said instead of an empty table: what to run to make the first one. */
  empty: string
  header: string[]
  row: (item: T) => (string | number)[]
  /** The one JSON object of a --json run. */
  json: (items: T[], service: Workbench) => unknown
}

/** Registers a read-only list command (datasets, models): an aligned table, or with --json one object. */
export function addListCommand<T>(program: Command, run: Run, spec: ListCommandSpec<T>): void {
  program
    .command(spec.name)
    .description(spec.description)
    .action(
      run((ctx) => {
        const service = ctx.reader()
        const items = spec.list(service)
        ctx.print(listTable(items, spec.empty, spec.header, spec.row))
        ctx.printJson(spec.json(items, service))
      })
    )
}
