/**
 * Imported for its effect: gives the model its chart code (see chart-support.ts). The charts
 * panel, the dashboard and the model's index import it; the grid's first load does not.
 */
import * as ops from './chart-ops.ts';
import { installChartReader } from './chart-support.ts';
import { installChartOps } from './workbook.ts';
import { readChart } from '../schema/stored/read-chart.ts';

installChartReader(readChart);
installChartOps(ops);
