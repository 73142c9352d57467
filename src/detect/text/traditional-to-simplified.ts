// Traditional → Simplified characters that card shops, cashiers and their language packs use
// (dujiaoka's zh_TW pack, Taiwan / Hong Kong shops). Message tables are written in Simplified
// Chinese; a Traditional page is folded onto them character by character before matching, so a
// zh_TW message the tables never listed still finds its Simplified twin.
// Pairs are written "繁简" and kept to one-to-one mappings (no context-dependent characters).

const PAIRS =
  '訂订單单號号額额餘余錯错誤误異异網网關关統统請请試试驗验證证碼码處处過过庫库貨货購购買买賣卖價价錢钱幣币' +
  '帳账賬账戶户簽签權权開开啟启閉闭維维護护暫暂時时無无敗败種种類类選选擇择確确認认與与為为這这個个們们會会員员發发' +
  '進进連连線线設设寫写讀读顯显訊讯資资料料變变換换應应該该當当樣样讓让從从麼么還还沒没東东問问題题間间際际銀银風风' +
  '險险絕绝機机構构頁页導导轉转續续紀纪錄录實实優优點点擊击復复製制複复雜杂質质圖图輸输貼贴詳详細细狀状態态歷历記记' +
  '憑凭據据團团體体標标準准參参數数傳传遞递達达務务協协議议規规則则條条責责聯联繫系絡络郵邮電电話话裝装備备載载濾滤' +
  '測测鎖锁凍冻結结帶带舊旧筆笔萬万億亿圓圆臺台灣湾總总計计費费稅税減减補补償偿歸归儲储場场廣广產产級级書书邊边擔担' +
  '罰罚銷销斷断動动檢检詢询報报壞坏損损爭争訴诉審审稱称漲涨嗎吗門门鐘钟週周裡里彙汇匯汇濟济綁绑櫃柜衝冲寶宝贈赠夠够' +
  '強强氣气業业專专樂乐習习亂乱於于亞亚親亲僅仅儀仪眾众傷伤偽伪倆俩債债傾倾僕仆傑杰剛刚創创劃划動动勞劳勢势區区協协' +
  '卻却廠厂厲厉參参雙双發发號号嚴严團团園园圍围國国圖图執执堅坚報报場场塊块墊垫壓压壯壮夢梦奪夺獎奖婦妇學学寧宁實实' +
  '審审寬宽對对導导將将尋寻屆届屬属島岛崗岗幫帮幣币庫库廳厅彈弹徑径徵征態态憂忧懷怀戲戏戰战護护擁拥擋挡據据擬拟擺摆' +
  '攜携敵敌數数斷断昇升時时晉晋暫暂曆历極极構构槍枪樓楼標标樣样機机權权歡欢殘残殺杀氣气滅灭滿满漢汉潔洁濃浓灑洒炮炮' +
  '點点為为煙烟熱热燒烧爺爷牆墙獨独獲获現现環环產产畫画異异當当疊叠療疗發发盡尽監监盤盘睜睁瞭了礎础禮礼禪禅稅税穩稳' +
  '窮穷競竞筆笔範范築筑簡简節节糧粮紅红約约級级紀纪純纯紙纸納纳組组終终絕绝給给統统絲丝經经綜综綠绿網网線线締缔緊紧' +
  '編编緩缓縣县縮缩績绩總总繼继續续罷罢羅罗義义習习聖圣聞闻聲声職职脅胁腦脑腳脚臉脸興兴舉举艦舰藝艺藥药蘇苏蘭兰處处' +
  '號号衛卫補补製制複复見见規规視视覺觉覽览觀观觸触計计訂订討讨訓训託托記记訪访設设許许訴诉診诊詞词試试詩诗話话該该' +
  '詳详認认誌志說说誰谁課课調调談谈請请論论諮咨謝谢識识譜谱警警譯译議议讀读變变讓让貝贝負负財财貢贡貧贫責责貴贵費费' +
  '貼贴貿贸資资賓宾賞赏賠赔賴赖購购賽赛贊赞趕赶趙赵跡迹踐践軍军軟软載载輕轻輛辆輪轮輯辑輸输轉转辦办農农這这連连週周' +
  '進进遊游運运過过達达違违遠远適适遲迟遷迁選选遺遗還还邊边郵邮鄉乡酬酬醫医釋释針针鈔钞鈕钮銀银銷销鋒锋錄录鍵键鎮镇' +
  '鏈链鐵铁鑑鉴長长門门閃闪開开閒闲間间閱阅闆板關关闡阐隊队陽阳階阶際际陸陆隨随險险隱隐雙双雜杂雞鸡離离難难電电' +
  '響响頁页頂顶項项順顺須须預预領领頻频顏颜題题額额顧顾風风飛飞飯饭館馆馬马驅驱驗验體体髮发鬥斗麗丽黨党齊齐逾逾';

const MAP: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = Array.from(PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) if (chars[i] !== chars[i + 1]) map.set(chars[i]!, chars[i + 1]!);
  return map;
})();

export function toSimplified(text: string): string {
  let out = '';
  for (const char of text) out += MAP.get(char) ?? char;
  return out;
}
