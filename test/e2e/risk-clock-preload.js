'use strict';
/**
 * Loaded into every n8n process of the risk e2e suites with NODE_OPTIONS=--require (see risk-support.ts):
 * shifts the process clock by MEDIAOPS_CLOCK_OFFSET_MS, so n8n reads the same suite clock as the test and
 * the sandbox. Only "now" moves (Date.now(), new Date(), Date()); time still flows at the real rate, dates
 * built from a value are untouched, and `instanceof Date` holds for every date in the process.
 */
const offset = Number(process.env.MEDIAOPS_CLOCK_OFFSET_MS || 0);
if (offset) {
	const RealDate = Date;
	const now = () => RealDate.now() + offset;
	function ShiftedDate(...args) {
		if (!new.target) return new RealDate(now()).toString();
		return Reflect.construct(RealDate, args.length ? args : [now()], new.target);
	}
	Object.setPrototypeOf(ShiftedDate, RealDate); // Date.parse, Date.UTC
	ShiftedDate.prototype = RealDate.prototype;
	ShiftedDate.now = now;
	globalThis.Date = ShiftedDate;
}
