//! The report pages' own strings, in zh-CN and en, one macro line per string so that a string
//! cannot exist in one language only (the same pattern as `crate::text`). Field labels, error
//! messages and step titles are the domain's (`cc_core::report`).

use cc_core::i18n::Lang;

macro_rules! report_text {
    ($($name:ident: $zh:expr, $en:expr;)*) => {
        /// The report pages' strings in one language.
        pub struct ReportText { $(pub $name: &'static str,)* }
        /// 简体中文.
        pub static ZH: ReportText = ReportText { $($name: $zh,)* };
        /// English.
        pub static EN: ReportText = ReportText { $($name: $en,)* };
    };
}

/// The strings in `lang`.
pub fn rt(lang: Lang) -> &'static ReportText {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

report_text! {
    status_title: "举报办理进度", "Progress of a report";
    stats_link: "举报处理情况：收到多少举报、办结用了多长时间", "How reports are handled: how many came in and how long they took to close";
    intro: "向长春市生态环境局举报大气、水、噪声、固体废物等环境污染问题。填写内容会随时保存在本机，没有网络时也不会丢失。", "Report air, water, noise, waste and other pollution to the Changchun Ecology and Environment Bureau. What you type is saved on this device as you go, and is not lost without a connection.";
    start: "开始新的举报", "Start a new report";
    drafts_heading: "未提交的草稿", "Drafts not yet sent";
    no_drafts: "没有保存的草稿。", "No saved drafts.";
    untitled: "未选择类型的草稿", "Draft without a type";
    updated: "最后修改", "Last changed";
    resume: "继续填写", "Continue";
    delete: "删除", "Delete";
    deleted: "草稿已删除", "Draft deleted";
    outbox_heading: "已提交和待发送的举报", "Sent and waiting reports";
    view_status: "查看办理进度", "See its progress";
    edit: "修改后重新提交", "Change and send again";
    retry_now: "立即重试", "Try now";
    saved_locally: "已保存到本机", "Saved on this device";
    back: "返回上一步", "Back";
    continue_: "继续", "Continue";
    back_to_check: "保存并返回检查页", "Save and go back to the check page";
    change: "修改", "Change";
    submit: "提交举报", "Send report";
    cancel_draft: "暂存并返回草稿列表", "Keep as draft and go back";
    choose_hint: "可多选。", "Select all that apply.";
    subtype_hint: "可从列表中选择，也可以自己填写。", "Choose from the list or type your own.";
    district_choose: "请选择", "Select one";
    address_hint: "例如：人民大街 1000 号，或“南湖公园北门”。", "For example: 1000 Renmin Street, or “north gate of Nanhu Park”.";
    locate: "使用我的位置", "Use my location";
    locating: "正在获取位置…", "Finding your location…";
    locate_failed: "无法获取位置，请直接填写地点。", "Your location could not be found: enter the place instead.";
    located: "获取到的位置（纬度, 经度）：", "Position found (latitude, longitude):";
    use_position: "使用这个位置", "Use this position";
    remove_position: "删除定位", "Remove the position";
    position_used: "已使用定位：", "Position used:";
    party_hint: "例如企业名称、工地名称或车牌号。", "For example a company, a building site or a number plate.";
    description_hint: "请写明看到、闻到或听到了什么，以及持续多久。", "Say what you see, smell or hear, and how long it lasts.";
    when_hint: "日期格式：年-月-日；时间：时:分（北京时间）。", "Date as year-month-day; time as hours:minutes (Beijing time).";
    photos_limits: "最多 6 张，JPEG、PNG 或手机照片均可。照片会在本机缩小到长边不超过 1600 像素、300 KB 以内，并删除位置和设备等隐藏信息后再上传。", "Up to 6 photos; JPEG, PNG or phone photos. Each is made smaller on this device (1,600 pixels on the long side, 300 KB at most) and its hidden data such as location and device is removed before it is sent.";
    photos_choose: "选择照片", "Choose photos";
    photo_processing: "正在处理", "Processing";
    photo_ready: "已处理", "Ready";
    photo_failed: "无法读取这张照片", "This photo could not be read";
    photo_remove: "删除照片", "Remove photo";
    photo: "照片", "Photo";
    anon_yes: "匿名举报", "Report anonymously";
    anon_no: "留下姓名和联系方式", "Give my name and contact details";
    anon_explain: "匿名举报时，我们不会收集您的姓名和联系方式，也就无法向您反馈处理结果；您可以凭举报编号查询进度。", "If you report anonymously we do not collect your name or contact details, so we cannot reply to you; you can follow progress with the reference number.";
    named_explain: "您的姓名和联系方式只有生态环境局的办理人员可以看到，用于核实情况和回复您，不会公开，也不会告知被举报对象。", "Only the bureau's case officers see your name and contact details, to check facts and reply to you. They are never published or told to the party reported.";
    contact_hint: "手机号码和电子邮箱至少填写一项。", "Give a mobile number, an email address, or both.";
    consent_title: "提交前请了解", "Before you send";
    consent_text: "您的举报（问题类型、地点、描述、时间、照片，以及您选择留下的姓名和联系方式）将通过加密连接发送给长春市生态环境局的举报受理系统，用于调查和处理。举报记录保存一年后删除。照片在发送前已在本机删除位置等隐藏信息。", "Your report (type, place, description, time, photos and any name and contact details you chose to give) is sent over an encrypted connection to the Changchun Ecology and Environment Bureau's reporting system, to investigate and deal with it. Reports are deleted after one year. Photos have their hidden data, such as location, removed on this device before sending.";
    consent_label: "我已了解以上说明，同意提交", "I understand this and want to send my report";
    sending: "正在发送", "Sending";
    done_title: "举报已提交", "Report sent";
    sending_title: "正在发送举报", "Sending your report";
    server_says: "受理系统的说明：", "What the reporting system says:";
    system_receipt: "受理系统的回执原文", "The reporting system's own receipt";
    failed_title: "举报未能提交", "Your report was not accepted";
    reference_label: "您的举报编号", "Your reference number";
    receipt_label: "您的受理凭证", "Your receipt";
    receipt_pending: "受理系统正在为举报分配编号，分配后编号和查询办理进度的链接会显示在这里（您也可以离开此页，稍后在本页的“已提交和待发送的举报”中查看）。", "The reporting system is giving your report a reference number. It will appear here with a link to follow its progress (you can also leave and find it later under “Sent and waiting reports” on this page).";
    copy: "复制编号", "Copy the reference";
    copied: "已复制", "Copied";
    next_steps: "生态环境部门一般在 60 日内办结。您可以随时凭编号查询办理进度。", "The bureau usually deals with a report within 60 days. You can check its progress with the reference number at any time.";
    report_another: "再报一条（保留地点）", "Report something else here (keep the place)";
    status_id_label: "举报编号", "Reference number";
    status_lookup: "查询", "Look up";
    status_label: "办理状态", "Status";
    status_notes: "办理说明", "Notes";
    status_requested: "提交时间", "Sent";
    status_updated: "更新时间", "Last updated";
    status_expected: "预计办结时间", "Expected by";
    status_not_found: "没有找到这个编号的举报，请检查编号。", "No report has this reference number: check it.";
    status_address: "地点", "Place";
    status_description: "描述", "Description";
    not_configured: "本站尚未配置举报受理地址。请拨打 12369 环保举报热线。", "No reporting address is configured for this site. Please call the 12369 environment hotline.";
}
