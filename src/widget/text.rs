//! Every fixed string of the widget and of the `/embed` builder, in zh-CN and en.
//!
//! Same pattern as `crate::text`: one macro line holds both languages, so a string cannot exist
//! in one language only.

use cc_core::i18n::Lang;

macro_rules! widget_text {
    ($($name:ident: $zh:expr, $en:expr;)*) => {
        /// The widget's strings in one language.
        pub struct WidgetText { $(pub $name: &'static str,)* }
        /// 简体中文.
        pub static ZH: WidgetText = WidgetText { $($name: $zh,)* };
        /// English.
        pub static EN: WidgetText = WidgetText { $($name: $en,)* };
    };
}

widget_text! {
    site_name: "绿色长春 · 环境信息", "Green Changchun · Environment";
    frame_title_aqi: "长春空气质量", "Changchun air quality";
    frame_title_water: "长春地表水水质", "Changchun surface water";
    frame_title_report: "环境污染举报", "Report pollution";
    frame_title_combo: "长春环境信息", "Changchun environment";
    loading: "正在载入…", "Loading…";
    aqi_heading: "长春空气质量", "Changchun air quality";
    aqi_station_heading: "空气质量", "air quality";
    aqi_label: "AQI", "AQI";
    primary: "首要污染物", "Main pollutant";
    primary_none: "无", "None";
    data_time: "数据时间", "Data time";
    advice: "建议", "Advice";
    station_unknown: "没有这个监测站，显示的是全市数据。", "There is no such station; the city value is shown.";
    more_air: "查看完整空气质量信息", "See the full air-quality page";
    water_heading: "长春地表水水质", "Changchun surface water";
    water_good_share: "优良（Ⅰ–Ⅲ类）断面比例", "Sections in class Ⅰ–Ⅲ (good)";
    water_period: "评价时段", "Period";
    water_counts: "各类别断面数", "Sections per class";
    water_class_count: "{class}：{n} 个", "{class}: {n}";
    water_worst: "水质最差的断面", "Worst sections";
    water_none: "暂无评价结果。", "No assessment yet.";
    water_unsupported: "小部件只读取 cc-water-json 格式的水质数据，而 config.json 的 {key} 是 {format}。", "The widget reads water data in the cc-water-json format only, and {key} in config.json is {format}.";
    air_unsupported: "小部件只读取 cc-air-json 格式的空气数据，而 config.json 的 {key} 是 {format}。请用 widget.air_latest 指定一份 cc-air-json 数据（可用 ccdata convert 生成）。", "The widget reads air data in the cc-air-json format only, and {key} in config.json is {format}. Point widget.air_latest at a cc-air-json copy (ccdata convert writes one).";
    more_water: "查看完整水环境信息", "See the full water page";
    report_heading: "发现污染？", "Seen pollution?";
    report_text: "拍照、写明地点，几分钟即可向生态环境部门举报。", "Report it to the environment bureau in a few minutes with a photo and the place.";
    report_cta: "我要举报", "Report pollution";
    report_phone: "也可拨打环保举报热线 12369。", "Or call the environmental hotline 12369.";
    new_window: "（在新窗口打开）", " (opens in a new window)";
    sample_data: "示例数据", "Sample data";
    sample_note: "由程序生成，不是实际监测结果。", "generated for demonstration, not real measurements.";
    stale: "数据可能已过时：最新数据时间为", "The data may be out of date: the newest hour is";
    offline: "离线：显示的是上次收到的数据。", "Offline: this is the last data received.";
    received: "收到于", "Received";
    error_title: "数据暂时无法载入", "The data could not be loaded";
    embed_title: "嵌入小部件", "Embed a widget";
    embed_intro: "把长春的空气质量、水质或举报入口放到您的网站上。选择内容和样式，预览，然后复制代码。", "Put Changchun's air quality, water quality or the report form on your website. Choose the content and style, preview it, then copy the code.";
    embed_options: "小部件设置", "Widget settings";
    embed_view: "显示内容", "Content";
    view_aqi: "空气质量", "Air quality";
    view_water: "地表水水质", "Surface water";
    view_report: "举报入口", "Report button";
    view_combo: "综合（空气、水、举报）", "Combined (air, water, report)";
    embed_station: "监测站（仅空气质量）", "Station (air quality only)";
    embed_city: "全市", "Whole city";
    embed_lang: "语言", "Language";
    lang_zh: "简体中文", "Simplified Chinese";
    lang_en: "English", "English";
    embed_theme: "配色", "Colours";
    theme_light: "浅色", "Light";
    theme_dark: "深色", "Dark";
    theme_contrast: "高对比度", "High contrast";
    embed_size: "大小", "Size";
    size_s: "小（窄栏）", "Small (narrow column)";
    size_m: "中", "Medium";
    embed_id: "标识（可选，用于区分同一页面上的多个小部件）", "Identifier (optional; tells several widgets on one page apart)";
    embed_preview: "预览", "Preview";
    embed_iframe_heading: "推荐：iframe 嵌入", "Recommended: an iframe";
    embed_iframe_text: "把下面的代码粘贴到页面中。embed.js 让 iframe 自动适应内容高度；不引入它时，iframe 使用固定高度，内容较多时会出现滚动条。", "Paste this code into your page. embed.js makes the iframe fit its content; without it the iframe keeps a fixed height and may scroll.";
    embed_element_heading: "可选：自定义元素", "Optional: a custom element";
    embed_element_text: "小部件直接运行在您的页面中（样式隔离在 Shadow DOM 内，不影响页面样式）。需要您的页面允许加载本站脚本和 WebAssembly。", "The widget runs in your page itself (its styles stay inside a shadow root and never touch yours). Your page must allow this site's script and WebAssembly.";
    embed_code: "代码", "Code";
    embed_copy: "复制代码", "Copy the code";
    embed_copied: "已复制到剪贴板。", "Copied to the clipboard.";
    embed_copy_failed: "无法自动复制，请在文本框中选中代码后手动复制。", "The code could not be copied automatically; select it in the box and copy it.";
    embed_csp_heading: "内容安全策略（CSP）", "Content Security Policy (CSP)";
    embed_csp_host: "如果您的页面发送 Content-Security-Policy，请加入：", "If your page sends a Content-Security-Policy, add:";
    embed_csp_deployer: "本站的部署者需要为 widget.html 和 widget-aqi.html 发送 frame-ancestors，列出允许嵌入的网站（站点其他页面保持 frame-ancestors 'self'），并为自定义元素用到的文件发送 CORS 头：", "Whoever deploys this site must send frame-ancestors for widget.html and widget-aqi.html listing the sites allowed to embed them (every other page keeps frame-ancestors 'self'), and CORS headers on the files the custom element loads:";
}

/// The strings of `lang`.
pub fn wt(lang: Lang) -> &'static WidgetText {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
