/** `create --workbook ID [--template ops|blank] [--name NAME]`: a new workbook in the store. */
import { createTemplateWorkbook, isTemplateName, TEMPLATES } from '../../sheets/index.ts';
import { createWorkbook } from '../store/stored-workbook.ts';
import { checkWorkbookId } from '../store/workbook-id.ts';
import { CliError, flag, parseArgs, requireFlag } from './args.ts';
import type { Command } from './command.ts';
import { withStore } from './open-store.ts';

/** `create`: see the module comment. */
export const createCommand: Command = {
  name: 'create',
  usage: 'create --workbook ID [--template ops|blank] [--name NAME]   create a workbook (default template: ops)',
  run: async (argv) => {
    const args = parseArgs(argv, { workbook: { type: 'string' }, template: { type: 'string' }, name: { type: 'string' } }, createCommand.usage);
    const id = requireFlag(args, 'workbook');
    const template = flag(args, 'template') ?? 'ops';
    if (!isTemplateName(template)) throw new CliError(`Unknown template "${template}"; use one of ${TEMPLATES.join(', ')}.`);
    const name = flag(args, 'name');
    return withStore(async (store) => {
      checkWorkbookId(id);
      const wb = createTemplateWorkbook(template);
      if (name !== undefined) {
        wb.setSettings({ name });
        wb.clearHistory();
      }
      await createWorkbook(store, id, wb);
      console.log(`Created workbook "${id}" from the ${template} template.`);
      console.log(`Give someone access with: npm run -s workbook -- token create --workbook ${id} --role editor --link`);
      return 0;
    });
  },
};
