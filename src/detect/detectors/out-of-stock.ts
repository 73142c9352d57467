import { phraseDetector } from '../phrase-detector';

// The shop sold what it could not deliver or let the shopper order what it no longer sells: dujiaoka
// 库存不足 (lang/zh_CN/dujiaoka.php) and 库存可使用卡密不足 in a paid order's info, acg-faka 库存不足 /
// 当前商品已停售, 卡盟 该商品库存卡密不足 and 当前商品维护中，停止下单. A shop's listing badge such as
// "已售罄" is information before buying, not a refusal, and is not matched.
export const outOfStock = phraseDetector({
  id: 'out-of-stock',
  kind: 'payment_error',
  responsibility: 'platform',
  raisedOnly: true,
  reasonCode: 'out_of_stock',
  phrases:
    /(库存不足|卡密不足|库存卡密不足|商品(?:已|暂时)?停售|当前商品已停售|商品已下架|商品不存在或已下架|(?:商品|当前商品)维护中[^。]{0,4}停止下单|停止下单|insufficient stock|insufficient inventory|inventory (?:is )?insufficient|inventory shortage|not enough stock|product (?:is )?(?:no longer available|discontinued))/i,
  fixtures: [
    'acg-faka/item-toastr-stock-shortage-delayed',
    'dujiaoka/luna-orderinfo-abnormal-carmis',
    'dujiaoka/unicorn-error-inventory-shortage',
    'kameng/pay-stock-shortage',
    'kameng/product-maintenance-el-message-delayed',
  ],
});
