/**
 * Math, statistics and finance functions an Excel user already knows, against Microsoft's documented
 * examples (data in excel-examples.ts) and the expected values published in formula.js' and
 * HyperFormula's test files.
 */
import { buildExamples } from './excel-examples.ts';
import { table } from './excel-table.ts';

const check = table(buildExamples().wb);

check('math: MROUND, TRUNC, CEILING.MATH, FLOOR.MATH, LOG', [
  ['=MROUND(10, 3)', 9], ['=MROUND(-10, -3)', -9], ['=MROUND(1.3, 0.2)', 1.4], ['=MROUND(5, -2)', '#NUM!'],
  ['=MROUND(5, 2)', 6], ['=MROUND(36, 6.5)', 39], ['=MROUND(10.5, 3)', 12], ['=MROUND(-36, -6.5)', -39], ['=MROUND(42, 0)', 0],
  ['=TRUNC(8.9)', 8, 'integer'], ['=TRUNC(-8.9)', -8], ['=TRUNC(0.45)', 0], ['=TRUNC(3.14159, 2)', 3.14, 'number'],
  ['=CEILING.MATH(24.3, 5)', 25], ['=CEILING.MATH(6.7)', 7], ['=CEILING.MATH(-8.1, 2)', -8], ['=CEILING.MATH(-5.5, 2, -1)', -6],
  ['=CEILING.MATH(4.43, 0.3)', 4.5], ['=CEILING.MATH(4.43, 0.6)', 4.8], ['=CEILING.MATH(-3.14, -1.8)', -1.8], ['=CEILING.MATH(3.14, 0)', 0],
  ['=CEILING.MATH(-11, -2, 1)', -12],
  ['=FLOOR.MATH(24.3, 5)', 20], ['=FLOOR.MATH(6.7)', 6], ['=FLOOR.MATH(-8.1, 2)', -10], ['=FLOOR.MATH(-5.5, 2, -1)', -4],
  ['=FLOOR.MATH(4.43, 0.3)', 4.2], ['=FLOOR.MATH(-4.43)', -5], ['=FLOOR.MATH(-3.14, -1.8)', -3.6], ['=FLOOR.MATH(-11, -2, 1)', -10],
  ['=LOG(10)', 1], ['=LOG(8, 2)', 3], ['=LOG(86, 2.7182818)', 4.4543473, 'number', 7], ['=LOG(4, 2)', 2],
  ['=LOG(0, 42)', '#NUM!'], ['=LOG(42, 0)', '#NUM!'], ['=LOG(42, 1)', '#DIV/0!'],
]);

check('stats: LARGE, SMALL, RANK.EQ, RANK (Microsoft’s examples)', [
  ['=LARGE(Ex[LargeV], 3)', 5], ['=LARGE(Ex[LargeV], 7)', 4], ['=LARGE(Ex[LargeV], 0)', '#NUM!'], ['=LARGE(Ex[LargeV], 11)', '#NUM!'],
  ['=LARGE(Ex[LargeV], 1.9)', 7],
  ['=SMALL(Ex[SmallA], 4)', 4], ['=SMALL(Ex[SmallB], 2)', 3],
  ['=RANK.EQ(7, Ex[Rank], 1)', 5, 'integer'], ['=RANK.EQ(2, Ex[Rank])', 4], ['=RANK.EQ(3.5, Ex[Rank], 1)', 3], ['=RANK.EQ(3.5, Ex[Rank])', 2],
  ['=RANK.EQ(9, Ex[Rank])', '#N/A'],
  ['=RANK(3.5, Ex[Rank], 1)', 3], ['=RANK(7, Ex[Rank], 1)', 5],
]);

check('stats: percentiles and quartiles', [
  ['=PERCENTILE.EXC(Ex[PExc], 0.25)', 2.5], ['=PERCENTILE.EXC(Ex[PExc], 0)', '#NUM!'], ['=PERCENTILE.EXC(Ex[PExc], 0.01)', '#NUM!'],
  ['=PERCENTILE.EXC(Ex[PExc], 2)', '#NUM!'],
  // formula.js: PERCENTILE.EXC({1,2,3,4}, k) and PERCENTILE.INC on the same numbers (Data[D] is 1, 3, 2, 4).
  ['=PERCENTILE.EXC(Data[D], 0.2)', 1], ['=PERCENTILE.EXC(Data[D], 0.25)', 1.25], ['=PERCENTILE.EXC(Data[D], 0.75)', 3.75],
  ['=PERCENTILE.EXC(Data[D], 0.9)', '#NUM!'], ['=PERCENTILE.INC(Data[D], 0.1)', 1.3], ['=PERCENTILE.INC(Data[D], 0.75)', 3.25],
  ['=PERCENTILE(Data[D], 0.3)', 1.9],
  ['=QUARTILE.INC(Ex[QInc], 1)', 3.5], ['=QUARTILE(Ex[QInc], 1)', 3.5], ['=QUARTILE.INC(Ex[QInc], 0)', 1], ['=QUARTILE.INC(Ex[QInc], 4)', 12],
  ['=QUARTILE.INC(Ex[QInc], 5)', '#NUM!'],
  ['=QUARTILE.EXC(Ex[QExc], 1)', 15], ['=QUARTILE.EXC(Ex[QExc], 3)', 43], ['=QUARTILE.EXC(Ex[QExc], 0)', '#NUM!'],
]);

check('stats: fits, means and the older names', [
  ['=GEOMEAN(Ex[Geo])', 5.476987, 'number', 6], ['=GEOMEAN(8, 1, 2, 4, 16)', 4], ['=GEOMEAN(8, 0, 2)', '#NUM!'],
  ['=SLOPE(Ex[SlopeY], Ex[SlopeX])', 0.305556, 'number', 6], ['=RSQ(Ex[SlopeY], Ex[SlopeX])', 0.05795, 'number', 5],
  ['=INTERCEPT(Ex[InterY], Ex[InterX])', 0.0483871, 'number', 7],
  ['=SLOPE(Data[B], Products[Cost])', '#N/A'], ['=INTERCEPT(Data[B], Products[Cost])', '#N/A'],
  ['=CONFIDENCE.NORM(0.05, 2.5, 50)', 0.692952, 'number', 6], ['=CONFIDENCE.NORM(0, 2.5, 50)', '#NUM!'],
  ['=STDEV(Data[A])', 27.46391572], ['=VAR(Data[A])', 754.2666667, 'number', 6], ['=FORECAST(30, Data[E], Data[F])', 10.607253, 'number', 6],
]);

check('finance: PMT and NPV', [
  ['=PMT(8%/12, 10, 10000)', -1037.03, 'number', 2], ['=PMT(8%/12, 10, 10000, 0, 1)', -1030.16, 'number', 2],
  ['=PMT(6%/12, 18*12, 0, 50000)', -129.08, 'number', 2], ['=PMT(0, 10, 1000)', -100],
  // A currency loan pays in currency: 32 × 5% / (1 − 1.05^−12).
  ['=PMT(5%, 12, SUM(Products[Cost]))', -3.610413, 'currency', 6],
  ['=NPV(10%, -10000, 3000, 4200, 6800)', 1188.44, 'number', 2], ['=NPV(8%, Ex[Npv]) + -40000', 1922.06, 'number', 2],
  ['=NPV(8%, Ex[Npv], -9000) + -40000', -3749.47, 'number', 2], ['=NPV(-1, 1, 2)', '#DIV/0!'],
]);

check('SUBTOTAL by function number (Microsoft’s example)', [
  ['=SUBTOTAL(9, Ex[Sub])', 303], ['=SUBTOTAL(1, Ex[Sub])', 75.75], ['=SUBTOTAL(109, Ex[Sub])', 303], ['=SUBTOTAL(2, Ex[Sub])', 4, 'integer'],
  ['=SUBTOTAL(3, Ex[Fruit])', 5, 'integer'], ['=SUBTOTAL(4, Ex[Sub])', 150], ['=SUBTOTAL(5, Ex[Sub])', 10],
  ['=SUBTOTAL(9, Products[Cost])', 32, 'currency'], ['=SUBTOTAL(12, Ex[Sub])', '#VALUE!'], ['=SUBTOTAL(9, Ex[Fruit])', '#TYPE!'],
]);

check('RAND and RANDBETWEEN: numbers in range (the same on every screen: see stable-random tests)', [
  ['=AND(RAND() >= 0, RAND() < 1)', true], ['=AND(RANDBETWEEN(1, 6) >= 1, RANDBETWEEN(1, 6) <= 6)', true], ['=RANDBETWEEN(6, 1)', '#NUM!'],
  ['=RANDBETWEEN(3, 3)', 3, 'integer'],
]);
