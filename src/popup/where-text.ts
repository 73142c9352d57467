import { t } from '../shared/i18n';
import type { Where } from '../shop/shop-profile';
import { shortTime } from './format-time';

/** "this page's footer", "kept page “首页 | 星河发卡” · 2026/11/28 09:30". */
export function whereText(where: Where): string {
  if (where.from === 'page') return t(`where_page_${where.part}`);
  return t('where_capture', [where.title || where.url, shortTime(where.at)]);
}
