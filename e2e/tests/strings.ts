// The site's UI strings that more than one spec (or page object) relies on, in one place: a
// wording change in src/text.rs, src/pages/report/text.rs or src/widget/text.rs is one edit here.
export type Lang = 'zh' | 'en';

/** The shell: header, navigation, switches, 404. */
export const SHELL = {
  zh: {
    nav: '主导航', skip: '跳到主要内容', toEnglish: 'Switch to English', care: '关怀版',
    siteName: '绿色长春 · 环境信息', notFound: '找不到这个页面', backHome: '返回首页',
  },
  en: { nav: 'Main navigation', toChinese: '切换到简体中文' },
} as const;

/** Each route's level-1 heading (also its page title), by language. */
export const HEADINGS = {
  home: { zh: '长春市环境信息', en: 'Changchun environment information' },
  air: { zh: '空气质量', en: 'Air quality' },
  history: { zh: '最近30天和全年的空气质量', en: 'Air quality over the last 30 days and the year' },
  year: { zh: '年度空气和水环境质量', en: "The year's air and water quality" },
  water: { zh: '水环境', en: 'Water' },
  report: { zh: '我要举报', en: 'Report pollution' },
  embed: { zh: '嵌入小部件', en: 'Embed a widget' },
  notes: { zh: '数据说明', en: 'About the data' },
  privacy: { zh: '隐私说明', en: 'Privacy' },
  accessibility: { zh: '无障碍声明', en: 'Accessibility statement' },
} as const;

/** Labels shared by the data pages and the widget. */
export const DATA = {
  sample: '示例数据',
  beijingTime: '北京时间',
  asTable: '以表格查看数据',
  chartNotDrawn: { zh: '图表未能显示，数据见下方表格。', en: 'The chart could not be shown; its data is in the table below.' },
  offlineReceived: (time: string) => `收到于 ${time} 北京时间`,
} as const;

/** 朗读 / Read aloud on the city air card and the water headline. */
export const READ_ALOUD = {
  zh: { start: '朗读', stop: '停止朗读' },
  en: { start: 'Read aloud', stop: 'Stop reading' },
} as const;

/** The report form and its confirmation, outbox and status pages. */
export const REPORT = {
  zh: {
    start: '开始新的举报', next: '继续', back: '返回上一步', resume: '继续填写', deleteDraft: '删除',
    keepDraft: '暂存并返回草稿列表', saved: '已保存到本机', noDrafts: '没有保存的草稿。',
    what: '您要举报什么问题？', subtype: '具体问题', district: '所在区县（市）或开发区',
    address: '地点（路名门牌或附近地标）', party: '被举报对象（可选）', description: '发生了什么',
    ongoing: '仍在持续', stopped: '已经停止', date: '日期', time: '时间',
    photos: '添加照片（可选）', choosePhotos: '选择照片', processed: '已处理',
    named: '留下姓名和联系方式', name: '姓名', phone: '手机号码', email: '电子邮箱',
    consent: '我已了解以上说明，同意提交', check: '检查您的举报内容', saveAndBack: '保存并返回检查页',
    send: '提交举报', sending: '正在发送举报', queued: '举报已保存，等待发送', status: '查看办理进度', serverSays: '受理系统的说明：',
    another: '再报一条（保留地点）', editAndResend: '修改后重新提交', retryNow: '立即重试',
    categories: { air: '大气污染', water: '水污染', noise: '噪声污染' },
  },
  en: {
    start: 'Start a new report', next: 'Continue', district: 'District',
    address: 'Where (street and number, or a landmark)', description: 'What is happening',
    ongoing: 'It is still happening', consent: 'I understand this and want to send my report',
    send: 'Send report', status: 'See its progress',
    categories: { air: 'Air pollution' },
  },
} as const;

/** The status a new case has on the status page. */
export const STATUS_OPEN = '已受理，正在处理';

/** 空气质量预报 on the home page, /air and the AQI widget. */
export const FORECAST = {
  zh: { heading: '空气质量预报', none: '暂无预报' },
  en: { heading: 'Air quality forecast', none: 'No forecast available' },
} as const;

/** 重污染天气预警: the banner above every page and the widget. */
export const ALERTS = {
  zh: { heading: '重污染天气预警', orange: '橙色预警（Ⅱ级）', red: '红色预警（Ⅰ级）', measures: '应急措施' },
  en: { heading: 'Heavy air pollution warning', orange: 'Orange warning (level II)' },
} as const;
