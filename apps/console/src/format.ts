/** How figures read on screen: shares as percentages, minutes as hours, money with separators. */
export const percent = (share: number | null | undefined, digits = 1) => (share === null || share === undefined ? '—' : `${(share * 100).toFixed(digits)}%`);
export const hours = (minutes: number) => Number((minutes / 60).toFixed(1));
export const money = (cny: number) => cny.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
export const score = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(1));
export const shortId = (id: string) => id.slice(0, 8);
export const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
export const moment = (iso: string) => iso.replace('T', ' ').slice(0, 16);
