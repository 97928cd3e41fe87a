'use strict';
// The service list (the national 12369 complaint categories, as core/src/report/categories.rs)
// and the service definitions.

const SERVICES = [
  { code: 'air', name: '大气污染', group: '污染举报',
    description: '工业废气、烟粉尘、恶臭/异味、餐饮油烟、秸秆焚烧、扬尘、机动车尾气等大气污染问题。',
    subtypes: ['工业废气', '烟粉尘', '恶臭/异味', '餐饮油烟', '秸秆焚烧', '扬尘', '机动车/非道路机械尾气'] },
  { code: 'water', name: '水污染', group: '污染举报',
    description: '工业废水、生活污水直排、黑臭水体、畜禽养殖污水、饮用水源地污染等水污染问题。',
    subtypes: ['工业废水', '生活污水直排', '黑臭水体', '畜禽养殖污水', '饮用水源地污染'] },
  { code: 'noise', name: '噪声污染', group: '污染举报',
    description: '建设施工、工业、社会生活、交通等噪声扰民问题。',
    subtypes: ['建设施工噪声', '工业噪声', '社会生活噪声', '交通噪声'] },
  { code: 'solid_waste', name: '固体废物', group: '污染举报',
    description: '工业固废、危险废物、医疗废物、建筑垃圾、生活垃圾非法倾倒等问题。',
    subtypes: ['工业固废', '危险废物', '医疗废物', '建筑垃圾', '生活垃圾非法倾倒'] },
  { code: 'soil', name: '土壤/地下水污染', group: '污染举报',
    description: '污染地块、非法填埋等土壤或地下水污染问题。',
    subtypes: ['污染地块', '非法填埋'] },
  { code: 'radiation', name: '辐射污染', group: '污染举报',
    description: '电磁辐射、放射源等辐射污染问题。',
    subtypes: ['电磁辐射', '放射源'] },
  { code: 'ecology', name: '生态破坏', group: '生态保护',
    description: '自然保护区/水源地违建、非法采矿/采砂、湿地破坏等生态破坏问题。',
    subtypes: ['自然保护区/水源地违建', '非法采矿/采砂', '湿地破坏'] },
  { code: 'other', name: '其他', group: '其他',
    description: '其他生态环境问题。城市管理、交通等不属于生态环境部门职责的问题请拨打 12345。',
    subtypes: [] },
];

const BY_CODE = new Map(SERVICES.map((s) => [s.code, s]));

// Changchun's districts, county-level cities, county and development zones (the same list as
// core/src/report/districts.rs).
// Keys are the Chinese names themselves: stable, readable and what a form shows.
const DISTRICTS = [
  '南关区', '宽城区', '朝阳区', '二道区', '绿园区', '双阳区', '九台区', '榆树市', '德惠市', '公主岭市', '农安县',
  '长春经济技术开发区', '长春高新技术产业开发区', '长春净月高新技术产业开发区', '长春汽车经济技术开发区',
  '长春新区', '中韩(长春)国际合作示范区', '莲花山生态旅游度假区',
];

const ONGOING = [
  { key: 'ongoing', name: '持续发生' },
  { key: 'intermittent', name: '特定时段反复发生' },
  { key: 'ended', name: '已经停止' },
];

function listEntry(s, batch) {
  return {
    service_code: s.code,
    service_name: s.name,
    description: s.description,
    metadata: true,
    type: batch ? 'batch' : 'realtime',
    keywords: s.subtypes.join(','),
    group: s.group,
  };
}

function definition(s) {
  let order = 0;
  const attr = (code, datatype, description, datatype_description, extra = {}) => ({
    variable: true, code, datatype, required: false, datatype_description, order: ++order, description, ...extra,
  });
  return {
    service_code: s.code,
    attributes: [
      attr('categories', 'multivaluelist', '涉及的问题类别（可多选）',
        '一件举报可同时涉及多类问题；以 attribute[categories][]=code 重复发送。',
        { values: SERVICES.map((x) => ({ key: x.code, name: x.name })) }),
      attr('subtype', 'string', '具体问题类型',
        s.subtypes.length ? `例如：${s.subtypes.join('、')}` : '自由填写', { max_length: 100 }),
      attr('reported_party', 'string', '被举报对象（单位、场所或车辆号牌）', '不超过 100 个字符', { max_length: 100 }),
      attr('district', 'singlevaluelist', '所在区县（市）或开发区', '长春市的行政区或开发区之一',
        { values: DISTRICTS.map((d) => ({ key: d, name: d })) }),
      attr('occurred_at', 'datetime', '发生时间', 'ISO-8601，带时区，例如 2026-03-01T08:15:30+08:00'),
      attr('ongoing', 'singlevaluelist', '是否仍在发生', '持续、间歇或已停止',
        { values: ONGOING.map((o) => ({ ...o })) }),
      attr('client_request_id', 'string', '客户端生成的请求编号（幂等键）',
        '同一编号重复提交时返回同一个 service_request_id，不会重复立案', { max_length: 200 }),
    ],
  };
}

module.exports = { SERVICES, BY_CODE, DISTRICTS, ONGOING, listEntry, definition };
