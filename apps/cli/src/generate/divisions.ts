/**
 * A compact table of real administrative divisions (GB/T 2260 codes, as the national statistics
 * bureau publishes them; facts, written here by hand): every province-level division, some of
 * its prefecture-level cities and some of their county-level divisions. Shandong is listed
 * whole (its 16 cities and 136 counties; 411 counties in all), so that `--scale 0.1` is one real province and
 * `--scale 0.01` one real city (济南市). Township codes (9 digits) are the county's code and a
 * sequence number, as GB/T 10114 builds them; their names are made up.
 *
 * `weight` is the province's rough share of the country's townships (hundreds of townships),
 * so that a national set puts stations where the townships are.
 */
export interface County {
  readonly code: string;
  readonly name: string;
}

export interface Prefecture {
  readonly name: string;
  readonly counties: readonly County[];
}

export interface Province {
  readonly code: string;
  readonly name: string;
  readonly weight: number;
  readonly prefectures: readonly Prefecture[];
}

/** `'110101 东城区, 110102 西城区'` as counties. */
function counties(list: string): County[] {
  return list.split(',').map((entry) => {
    const [code, name] = entry.trim().split(/\s+/);
    if (!/^\d{6}$/.test(code) || !name) throw new Error(`bad division entry ${entry}`);
    return { code, name };
  });
}

const p = (code: string, name: string, weight: number, prefectures: Record<string, string>): Province => ({
  code,
  name,
  weight,
  prefectures: Object.entries(prefectures).map(([prefecture, list]) => ({ name: prefecture, counties: counties(list) })),
});

export const PROVINCES: readonly Province[] = [
  p('11', '北京市', 3.3, { 北京市: '110101 东城区, 110102 西城区, 110105 朝阳区, 110106 丰台区, 110108 海淀区, 110112 通州区, 110114 昌平区, 110115 大兴区' }),
  p('12', '天津市', 2.5, { 天津市: '120101 和平区, 120102 河东区, 120104 南开区, 120110 东丽区, 120111 西青区, 120113 北辰区, 120114 武清区, 120116 滨海新区' }),
  p('13', '河北省', 22.5, {
    石家庄市: '130102 长安区, 130104 桥西区, 130105 新华区, 130108 裕华区, 130123 正定县',
    唐山市: '130202 路南区, 130203 路北区, 130281 遵化市, 130283 迁安市',
    保定市: '130602 竞秀区, 130606 莲池区, 130681 涿州市, 130684 高碑店市',
  }),
  p('14', '山西省', 14, {
    太原市: '140105 小店区, 140106 迎泽区, 140107 杏花岭区, 140109 万柏林区',
    大同市: '140213 平城区, 140214 云冈区',
    运城市: '140802 盐湖区, 140881 永济市',
  }),
  p('15', '内蒙古自治区', 10, {
    呼和浩特市: '150102 新城区, 150103 回民区, 150104 玉泉区, 150105 赛罕区',
    包头市: '150202 东河区, 150203 昆都仑区, 150204 青山区',
  }),
  p('21', '辽宁省', 14, {
    沈阳市: '210102 和平区, 210103 沈河区, 210104 大东区, 210105 皇姑区, 210106 铁西区',
    大连市: '210202 中山区, 210203 西岗区, 210204 沙河口区, 210211 甘井子区',
  }),
  p('22', '吉林省', 9.5, {
    长春市: '220102 南关区, 220103 宽城区, 220104 朝阳区, 220105 二道区, 220106 绿园区',
    吉林市: '220202 昌邑区, 220203 龙潭区, 220204 船营区',
  }),
  p('23', '黑龙江省', 12.5, {
    哈尔滨市: '230102 道里区, 230103 南岗区, 230104 道外区, 230108 平房区, 230109 松北区, 230110 香坊区',
    齐齐哈尔市: '230202 龙沙区, 230203 建华区',
  }),
  p('31', '上海市', 2.2, { 上海市: '310101 黄浦区, 310104 徐汇区, 310105 长宁区, 310106 静安区, 310107 普陀区, 310109 虹口区, 310110 杨浦区, 310112 闵行区, 310115 浦东新区' }),
  p('32', '江苏省', 12.5, {
    南京市: '320102 玄武区, 320104 秦淮区, 320105 建邺区, 320106 鼓楼区, 320111 浦口区, 320113 栖霞区, 320114 雨花台区, 320115 江宁区',
    无锡市: '320205 锡山区, 320206 惠山区, 320211 滨湖区, 320213 梁溪区, 320281 江阴市',
    苏州市: '320505 虎丘区, 320506 吴中区, 320507 相城区, 320508 姑苏区, 320581 常熟市, 320582 张家港市, 320583 昆山市',
  }),
  p('33', '浙江省', 13.5, {
    杭州市: '330102 上城区, 330105 拱墅区, 330106 西湖区, 330108 滨江区, 330109 萧山区, 330110 余杭区',
    宁波市: '330203 海曙区, 330205 江北区, 330206 北仑区, 330212 鄞州区',
    温州市: '330302 鹿城区, 330303 龙湾区, 330304 瓯海区, 330381 瑞安市',
  }),
  p('34', '安徽省', 15, {
    合肥市: '340102 瑶海区, 340103 庐阳区, 340104 蜀山区, 340111 包河区, 340121 长丰县, 340123 肥西县',
    芜湖市: '340202 镜湖区, 340207 鸠江区',
  }),
  p('35', '福建省', 11, {
    福州市: '350102 鼓楼区, 350103 台江区, 350104 仓山区, 350111 晋安区, 350121 闽侯县',
    厦门市: '350203 思明区, 350205 海沧区, 350206 湖里区, 350211 集美区, 350212 同安区, 350213 翔安区',
    泉州市: '350502 鲤城区, 350503 丰泽区, 350581 石狮市, 350582 晋江市',
  }),
  p('36', '江西省', 16, {
    南昌市: '360102 东湖区, 360103 西湖区, 360104 青云谱区, 360111 青山湖区, 360112 新建区, 360121 南昌县',
    赣州市: '360702 章贡区, 360703 南康区',
  }),
  p('37', '山东省', 18.2, {
    济南市: '370102 历下区, 370103 市中区, 370104 槐荫区, 370105 天桥区, 370112 历城区, 370113 长清区, 370114 章丘区, 370115 济阳区, 370116 莱芜区, 370117 钢城区, 370124 平阴县, 370126 商河县',
    青岛市: '370202 市南区, 370203 市北区, 370211 黄岛区, 370212 崂山区, 370213 李沧区, 370214 城阳区, 370215 即墨区, 370281 胶州市, 370283 平度市, 370285 莱西市',
    淄博市: '370302 淄川区, 370303 张店区, 370304 博山区, 370305 临淄区, 370306 周村区, 370321 桓台县, 370322 高青县, 370323 沂源县',
    枣庄市: '370402 市中区, 370403 薛城区, 370404 峄城区, 370405 台儿庄区, 370406 山亭区, 370481 滕州市',
    东营市: '370502 东营区, 370503 河口区, 370505 垦利区, 370522 利津县, 370523 广饶县',
    烟台市: '370602 芝罘区, 370611 福山区, 370612 牟平区, 370613 莱山区, 370614 蓬莱区, 370681 龙口市, 370682 莱阳市, 370683 莱州市, 370685 招远市, 370686 栖霞市, 370687 海阳市',
    潍坊市: '370702 潍城区, 370703 寒亭区, 370704 坊子区, 370705 奎文区, 370724 临朐县, 370725 昌乐县, 370781 青州市, 370782 诸城市, 370783 寿光市, 370784 安丘市, 370785 高密市, 370786 昌邑市',
    济宁市: '370811 任城区, 370812 兖州区, 370826 微山县, 370827 鱼台县, 370828 金乡县, 370829 嘉祥县, 370830 汶上县, 370831 泗水县, 370832 梁山县, 370881 曲阜市, 370883 邹城市',
    泰安市: '370902 泰山区, 370911 岱岳区, 370921 宁阳县, 370923 东平县, 370982 新泰市, 370983 肥城市',
    威海市: '371002 环翠区, 371003 文登区, 371082 荣成市, 371083 乳山市',
    日照市: '371102 东港区, 371103 岚山区, 371121 五莲县, 371122 莒县',
    临沂市: '371302 兰山区, 371311 罗庄区, 371312 河东区, 371321 沂南县, 371322 郯城县, 371323 沂水县, 371324 兰陵县, 371325 费县, 371326 平邑县, 371327 莒南县, 371328 蒙阴县, 371329 临沭县',
    德州市: '371402 德城区, 371403 陵城区, 371422 宁津县, 371423 庆云县, 371424 临邑县, 371425 齐河县, 371426 平原县, 371427 夏津县, 371428 武城县, 371481 乐陵市, 371482 禹城市',
    聊城市: '371502 东昌府区, 371503 茌平区, 371521 阳谷县, 371522 莘县, 371524 东阿县, 371525 冠县, 371526 高唐县, 371581 临清市',
    滨州市: '371602 滨城区, 371603 沾化区, 371621 惠民县, 371622 阳信县, 371623 无棣县, 371625 博兴县, 371681 邹平市',
    菏泽市: '371702 牡丹区, 371703 定陶区, 371721 曹县, 371722 单县, 371723 成武县, 371724 巨野县, 371725 郓城县, 371726 鄄城县, 371728 东明县',
  }),
  p('41', '河南省', 25, {
    郑州市: '410102 中原区, 410103 二七区, 410104 管城回族区, 410105 金水区, 410108 惠济区, 410122 中牟县',
    洛阳市: '410302 老城区, 410303 西工区, 410305 涧西区, 410311 洛龙区',
    新乡市: '410702 红旗区, 410703 卫滨区',
  }),
  p('42', '湖北省', 12.5, {
    武汉市: '420102 江岸区, 420103 江汉区, 420104 硚口区, 420105 汉阳区, 420106 武昌区, 420107 青山区, 420111 洪山区, 420115 江夏区',
    宜昌市: '420502 西陵区, 420503 伍家岗区',
    襄阳市: '420602 襄城区, 420606 樊城区',
  }),
  p('43', '湖南省', 19.5, {
    长沙市: '430102 芙蓉区, 430103 天心区, 430104 岳麓区, 430105 开福区, 430111 雨花区, 430112 望城区, 430121 长沙县, 430181 浏阳市',
    株洲市: '430202 荷塘区, 430203 芦淞区, 430204 石峰区, 430211 天元区',
  }),
  p('44', '广东省', 16, {
    广州市: '440103 荔湾区, 440104 越秀区, 440105 海珠区, 440106 天河区, 440111 白云区, 440112 黄埔区, 440113 番禺区, 440114 花都区, 440115 南沙区',
    深圳市: '440303 罗湖区, 440304 福田区, 440305 南山区, 440306 宝安区, 440307 龙岗区, 440308 盐田区',
    佛山市: '440604 禅城区, 440605 南海区, 440606 顺德区',
  }),
  p('45', '广西壮族自治区', 12.5, {
    南宁市: '450102 兴宁区, 450103 青秀区, 450105 江南区, 450107 西乡塘区',
    桂林市: '450302 秀峰区, 450303 叠彩区, 450304 象山区',
  }),
  p('46', '海南省', 2.2, {
    海口市: '460105 秀英区, 460106 龙华区, 460107 琼山区, 460108 美兰区',
    三亚市: '460202 海棠区, 460203 吉阳区, 460204 天涯区, 460205 崖州区',
  }),
  p('50', '重庆市', 10.3, { 重庆市: '500101 万州区, 500103 渝中区, 500105 江北区, 500106 沙坪坝区, 500107 九龙坡区, 500108 南岸区, 500112 渝北区, 500113 巴南区' }),
  p('51', '四川省', 31, {
    成都市: '510104 锦江区, 510105 青羊区, 510106 金牛区, 510107 武侯区, 510108 成华区, 510112 龙泉驿区, 510116 双流区',
    绵阳市: '510703 涪城区, 510704 游仙区',
    南充市: '511302 顺庆区, 511303 高坪区',
  }),
  p('52', '贵州省', 15, {
    贵阳市: '520102 南明区, 520103 云岩区, 520111 花溪区, 520112 乌当区, 520113 白云区, 520115 观山湖区',
    遵义市: '520302 红花岗区, 520303 汇川区',
  }),
  p('53', '云南省', 14.2, {
    昆明市: '530102 五华区, 530103 盘龙区, 530111 官渡区, 530112 西山区, 530113 东川区, 530114 呈贡区',
    曲靖市: '530302 麒麟区',
  }),
  p('54', '西藏自治区', 7, { 拉萨市: '540102 城关区, 540103 堆龙德庆区, 540104 达孜区' }),
  p('61', '陕西省', 13, {
    西安市: '610102 新城区, 610103 碑林区, 610104 莲湖区, 610111 灞桥区, 610112 未央区, 610113 雁塔区, 610116 长安区',
    宝鸡市: '610302 渭滨区, 610303 金台区',
  }),
  p('62', '甘肃省', 13.5, { 兰州市: '620102 城关区, 620103 七里河区, 620104 西固区, 620105 安宁区, 620111 红古区' }),
  p('63', '青海省', 4, { 西宁市: '630102 城东区, 630103 城中区, 630104 城西区, 630105 城北区' }),
  p('64', '宁夏回族自治区', 2.4, { 银川市: '640104 兴庆区, 640105 西夏区, 640106 金凤区' }),
  p('65', '新疆维吾尔自治区', 11.5, { 乌鲁木齐市: '650102 天山区, 650103 沙依巴克区, 650104 新市区, 650105 水磨沟区, 650106 头屯河区' }),
];

/** A county with the names of its city and province, as a station's region carries them. */
export interface PlacedCounty extends County {
  readonly province: string;
  readonly city: string;
}

function placed(province: Province): PlacedCounty[] {
  return province.prefectures.flatMap((prefecture) =>
    prefecture.counties.map((county) => ({ ...county, province: province.name, city: prefecture.name })),
  );
}

/**
 * The stations of a data set, by county: a city (济南市) up to 2% of the country, a province
 * (山东省) up to 20%, beyond that every province by its weight. Within the area stations go
 * round the counties in turn, so each county gets its share.
 */
export function stationCounties(stations: number, scale: number): PlacedCounty[] {
  const shandong = PROVINCES.find((province) => province.code === '37')!;
  if (scale <= 0.02) return roundRobin(placed(shandong).filter((county) => county.city === '济南市'), stations);
  if (scale <= 0.2) return roundRobin(placed(shandong), stations);
  const total = PROVINCES.reduce((sum, province) => sum + province.weight, 0);
  const shares = PROVINCES.map((province) => Math.floor((stations * province.weight) / total));
  // What the rounding down left over goes to the provinces in order of weight.
  const order = PROVINCES.map((_, index) => index).sort((a, b) => PROVINCES[b].weight - PROVINCES[a].weight);
  for (let left = stations - shares.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i++) shares[order[i % order.length]] += 1;
  return PROVINCES.flatMap((province, index) => roundRobin(placed(province), shares[index]));
}

function roundRobin<T>(items: readonly T[], count: number): T[] {
  return Array.from({ length: count }, (_, index) => items[index % items.length]);
}

/** Made-up township names: a stem and 街道 (codes 001–099) or 镇 (100 up), as real codes run. */
const STEMS = [
  ...'城关 新华 人民 建设 东城 西城 南关 北关 和平 胜利 文化 解放 长安 永安 安乐 太平 兴隆 丰收 红星 光明 东风 向阳 前进 团结 幸福 振兴 富民 新城 古城 龙泉 青山 白云 凤凰 金山 银河 柳林 桃园 杏林 石桥 河口'.split(' '),
];

export function township(countyName: string, index: number): { readonly name: string; readonly suffix: string; readonly kind: 'street' | 'township' } {
  const street = index % 3 === 0;
  const stem = STEMS[index % STEMS.length] + (index >= STEMS.length ? String(Math.floor(index / STEMS.length) + 1) : '');
  const suffix = street ? '街道' : '镇';
  return { name: `${stem}${suffix}`, suffix, kind: street ? 'street' : 'township' };
}
