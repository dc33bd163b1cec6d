import { chance, pick, shuffled, type Rng } from './random';

/**
 * Believable customer names, English and Chinese, with a slug for contact addresses. The
 * `.example` domains are reserved (RFC 2606), so no demo mail can reach a real company.
 */

const EN_BRANDS = [
  'Lumen', 'Northwind', 'Brightwave', 'Cobalt', 'Harbor', 'Maple', 'Nimbus', 'Orbit', 'Pinecone', 'Quartz',
  'Redwood', 'Sable', 'Tidal', 'Verdant', 'Willow', 'Zephyr', 'Aurora', 'Beacon', 'Cedar', 'Delta',
  'Ember', 'Fjord', 'Granite', 'Helix', 'Indigo', 'Juniper', 'Kestrel', 'Lotus', 'Meridian', 'Nova',
  'Onyx', 'Polaris', 'Radiant', 'Summit', 'Terra', 'Umbra', 'Vivid', 'Atlas', 'Bluebird', 'Crescent',
  'Driftwood', 'Evergreen', 'Firefly', 'Goldleaf', 'Hummingbird', 'Ironclad', 'Jade', 'Kite', 'Lantern', 'Mosaic',
] as const;

const EN_SECTORS = [
  'Games', 'Health', 'Social', 'Labs', 'Studio', 'Commerce', 'Learning', 'Media', 'Mobility', 'Fintech',
  'Interactive', 'Networks', 'Software', 'Entertainment', 'Logistics', 'Travel', 'Sports', 'Dating', 'Music', 'Retail',
] as const;

const EN_FORMS = ['', '', '', ' Inc.', ' Ltd.', ' Pte. Ltd.', ' GmbH', ' LLC', ' Co.', ' Group'] as const;

/** [Chinese, pinyin] pairs: the pinyin becomes the contact domain. */
const ZH_BRANDS = [
  ['星河', 'xinghe'], ['云雀', 'yunque'], ['青藤', 'qingteng'], ['蓝鲸', 'lanjing'], ['火山', 'huoshan'],
  ['竹海', 'zhuhai'], ['银杏', 'yinxing'], ['极光', 'jiguang'], ['飞鱼', 'feiyu'], ['鹿鸣', 'luming'],
  ['锦鲤', 'jinli'], ['墨云', 'moyun'], ['天穹', 'tianqiong'], ['海豚', 'haitun'], ['橙子', 'chengzi'],
  ['松果', 'songguo'], ['白鹭', 'bailu'], ['赤兔', 'chitu'], ['长风', 'changfeng'], ['明月', 'mingyue'],
  ['知音', 'zhiyin'], ['乐游', 'leyou'], ['悦动', 'yuedong'], ['掌趣', 'zhangqu'], ['灵犀', 'lingxi'],
  ['繁星', 'fanxing'], ['聚点', 'judian'], ['微光', 'weiguang'], ['启航', 'qihang'], ['山海', 'shanhai'],
] as const;

const ZH_SECTORS = [
  ['互娱', 'huyu'], ['科技', 'keji'], ['网络', 'wangluo'], ['社交', 'shejiao'], ['游戏', 'youxi'],
  ['教育', 'jiaoyu'], ['直播', 'zhibo'], ['健康', 'jiankang'], ['信息技术', 'xinxi'], ['数字', 'shuzi'],
  ['文化', 'wenhua'], ['传媒', 'chuanmei'],
] as const;

const ZH_CITIES = ['', '', '', '深圳', '杭州', '北京', '上海', '成都', '广州', '南京', '武汉', '厦门'] as const;

const MAILBOXES = ['billing', 'finance', 'admin', 'it', 'dev', 'ops', 'accounts', 'im-admin'] as const;

export interface CompanyName {
  name: string;
  /** Short brand used for app names: "Lumen", "星河". */
  brand: string;
  chinese: boolean;
  contactEmail: string;
}

export function companyName(rng: Rng, chinese: boolean): CompanyName {
  if (chinese) {
    const [brand, brandPinyin] = pick(rng, ZH_BRANDS);
    const [sector, sectorPinyin] = pick(rng, ZH_SECTORS);
    const city = pick(rng, ZH_CITIES);
    const name = city ? `${city}${brand}${sector}有限公司` : `${brand}${sector}`;
    return { name, brand, chinese, contactEmail: `${pick(rng, MAILBOXES)}@${brandPinyin}-${sectorPinyin}.example` };
  }
  const brand = pick(rng, EN_BRANDS);
  const sector = pick(rng, EN_SECTORS);
  const name = `${brand} ${sector}${pick(rng, EN_FORMS)}`;
  const domain = `${brand}${sector}`.toLowerCase();
  return { name, brand, chinese, contactEmail: `${pick(rng, MAILBOXES)}@${domain}.example` };
}

const EN_APP_KINDS = [
  'Chat', 'Live', 'Arena', 'Community', 'Support', 'Party', 'Meet', 'Clubs', 'Voice Rooms', 'Inbox',
  'Staging', 'Test', 'Global', 'Lite', 'Connect',
] as const;
const ZH_APP_KINDS = ['直播', '社区', '客服', '语聊房', '测试环境', '游戏', '国际版', '消息中心', '会员群', '极速版', '海外版', '灰度'] as const;

/** `count` distinct app names for one account. */
export function appNames(rng: Rng, company: CompanyName, count: number): string[] {
  const kinds = shuffled(rng, company.chinese ? ZH_APP_KINDS : EN_APP_KINDS).slice(0, count);
  const sep = company.chinese ? (chance(rng, 0.3) ? ' ' : '') : ' ';
  return kinds.map((kind) => `${company.brand}${sep}${kind}`);
}
