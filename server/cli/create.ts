/**
 * `create --workbook ID [--template ops|blank] [--name NAME] [--space ID]`: a new workbook in the
 * store, in a team space when one is named (its quota applies).
 */
import { createTemplateWorkbook, isTemplateName, TEMPLATES } from '../../sheets/index.ts';
import { quotaProblem } from '../spaces/quota.ts';
import { createWorkbook } from '../store/stored-workbook.ts';
import { checkWorkbookId } from '../store/workbook-id.ts';
import { CliError, flag, parseArgs, requireFlag } from './args.ts';
import type { Command } from './command.ts';
import { withStore } from './open-store.ts';

/** `create`: see the module comment. */
export const createCommand: Command = {
  name: 'create',
  usage: 'create --workbook ID [--template ops|blank] [--name NAME] [--space ID]   create a workbook (default template: ops), in a space when named',
  run: async (argv) => {
    const args = parseArgs(argv, { workbook: { type: 'string' }, template: { type: 'string' }, name: { type: 'string' }, space: { type: 'string' } }, createCommand.usage);
    const id = requireFlag(args, 'workbook');
    const template = flag(args, 'template') ?? 'ops';
    if (!isTemplateName(template)) throw new CliError(`Unknown template "${template}"; use one of ${TEMPLATES.join(', ')}.`);
    const name = flag(args, 'name');
    const space = flag(args, 'space');
    return withStore(async (store) => {
      checkWorkbookId(id);
      if (space !== undefined && !(await store.catalog.space(space))) {
        throw new CliError(`There is no space "${space}"; see the spaces with: npm run -s workbook -- space list`, 1);
      }
      const wb = createTemplateWorkbook(template);
      if (name !== undefined) {
        wb.setSettings({ name });
        wb.clearHistory();
      }
      if (space !== undefined) {
        const problem = await quotaProblem(store, space, wb.encode().byteLength);
        if (problem) throw new CliError(problem, 1);
      }
      await createWorkbook(store, id, wb, space);
      console.log(`Created workbook "${id}" from the ${template} template${space === undefined ? '' : ` in space "${space}"`}.`);
      if (space === undefined) console.log(`Give someone access with: npm run -s workbook -- token create --workbook ${id} --role editor --link`);
      else console.log(`Every member of "${space}" sees it on the space's start page.`);
      return 0;
    });
  },
};
