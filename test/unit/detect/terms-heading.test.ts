import { describe, expect, it } from 'vitest';
import { pageView } from '../../../src/detect/detect-page';
import { termsPage } from '../../../src/detect/detectors/terms-page';
import type { PageSnapshot } from '../../../src/detect/page-snapshot';
import { snapshot } from '../../helpers/snapshot';

// Shop templates head their policies with styled boxes (bootstrap panel-heading, layui tab), not <h*>.
const CLAUSES = [
  '一、本站所有商品均为虚拟商品，下单前请仔细阅读商品说明。',
  '二、虚拟商品一经售出概不退换，代充类订单开始处理后不支持取消。',
  '三、因用户填写账号错误导致的订单失败，本站不予退款。',
  '四、订单异常的，本站核实后将退款至平台余额，不支持原路退回。',
  '五、本站保留随时修改本条款的权利，最终解释权归本站所有。',
];
const view = (page: PageSnapshot) => pageView({ ...page, title: '九二卡盟 - 专业卡盟平台' });

describe('terms page: a name standing alone over the policy text heads it', () => {
  it('a panel heading or an active tab named 服务条款, followed by its clauses → terms', () => {
    for (const tag of ['div', 'li']) {
      const finding = termsPage.detect(view(snapshot('https://shop.example/?mod=tos', [{ text: '服务条款', tag }, ...CLAUSES])));
      expect(finding, tag).toMatchObject({ kind: 'terms', reasonCode: 'terms_agreement', message: '服务条款' });
    }
  });

  it('a link list, a consent checkbox label or a name not followed by prose stays silent', () => {
    const sidebar = snapshot('https://shop.example/help', [{ text: '服务条款', tag: 'li' }, { text: '隐私政策', tag: 'li' }, { text: '常见问题' }, ...CLAUSES]);
    expect(termsPage.detect(view(sidebar))).toBeNull();
    const consent = snapshot('https://shop.example/buy', ['我已阅读并同意《用户协议》', ...CLAUSES]);
    expect(termsPage.detect(view(consent))).toBeNull();
    const table = snapshot('https://shop.example/buy', ['服务条款', '订单号', 'ABCDEFGH12345678', ...CLAUSES]);
    expect(termsPage.detect(view(table))).toBeNull();
  });
});
