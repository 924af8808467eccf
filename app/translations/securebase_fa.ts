<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>CertificateText</name>
    <message>
        <source>Reliability certificate</source>
        <translation>گواهی پایایی</translation>
    </message>
    <message>
        <source>This certifies that %1 has coded the tapes of training set %2 with the reliability the criterion below asks for, against the gold-standard coding, and was signed off by %3.</source>
        <translation>بدین‌وسیله گواهی می‌شود که %1 ویدئوهای مجموعهٔ آموزشی %2 را، در مقایسه با کدگذاری مرجع، با پایایی‌ای که ملاک زیر می‌خواهد کدگذاری کرده و %3 آن را تأیید نهایی کرده است.</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>کارآموز</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>سرپرست</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>مجموعهٔ آموزشی</translation>
    </message>
    <message>
        <source>Coding scheme</source>
        <translation>طرح کدگذاری</translation>
    </message>
    <message>
        <source>version</source>
        <translation>نسخهٔ</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>پروژه</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Date (Solar Hijri)</source>
        <translation>تاریخ (هجری خورشیدی)</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>ملاک</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>شرط</translation>
    </message>
    <message>
        <source>Tapes meeting it</source>
        <translation>ویدئوهایی که آن را برآورده می‌کنند</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>met</source>
        <translation>برآورده شد</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>برآورده نشد</translation>
    </message>
    <message>
        <source>Tapes and figures</source>
        <translation>ویدئوها و ارقام</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>جلسه</translation>
    </message>
    <message>
        <source>Gold standard</source>
        <translation>کدگذاری مرجع</translation>
    </message>
    <message>
        <source>Coded</source>
        <translation>کدگذاری‌شده</translation>
    </message>
    <message>
        <source>Requirement %1</source>
        <translation>شرط %1</translation>
    </message>
    <message>
        <source>Figures as computed by SecureBase&apos;s agreement engine when the supervisor signed off (sign-off %1, %2 UTC). Time-unit kappas compare the trainee with the gold standard unit by unit; the gold standard is the reference coder.</source>
        <translation>ارقام همان‌اند که موتور توافق SecureBase هنگام تأیید نهایی سرپرست محاسبه کرد (تأیید نهایی %1، %2 به وقت UTC). کاپاهای واحد زمانی، کارآموز را واحد به واحد با کدگذاری مرجع مقایسه می‌کنند؛ کدگذاری مرجع، کدگذار ملاک است.</translation>
    </message>
    <message>
        <source>Supervisor:</source>
        <translation>سرپرست:</translation>
    </message>
    <message>
        <source>Trainee:</source>
        <translation>کارآموز:</translation>
    </message>
</context>
<context>
    <name>CriterionText</name>
    <message>
        <source>per exclusive group (every group coded)</source>
        <translation>برای هر گروه انحصاری (همهٔ گروه‌های کدگذاری‌شده)</translation>
    </message>
    <message>
        <source>per exclusive group (%1)</source>
        <translation>برای هر گروه انحصاری (%1)</translation>
    </message>
    <message>
        <source>per code (every code coded)</source>
        <translation>برای هر کد (همهٔ کدهای کدگذاری‌شده)</translation>
    </message>
    <message>
        <source>per code (%1)</source>
        <translation>برای هر کد (%1)</translation>
    </message>
    <message>
        <source>overall (mean over the streams)</source>
        <translation>در کل (میانگین جریان‌ها)</translation>
    </message>
    <message>
        <source>time-unit kappa ≥ %1 %2 with %3 s units and ±%4 s tolerance, %5</source>
        <translation>کاپای واحد زمانی ≥ %1 %2، با واحدهای %3 ثانیه‌ای و بازهٔ مجاز ±%4 ثانیه، %5</translation>
    </message>
    <message>
        <source>every scale</source>
        <translation>همهٔ مقیاس‌ها</translation>
    </message>
    <message numerus="yes">
        <source>scale scores (%1) within %2 point(s) of gold on at least %3 % of the episodes of each scale, %4</source>
        <translation>
            <numerusform>نمرهٔ مقیاس‌ها (%1) با فاصلهٔ حداکثر %2 امتیاز از کدگذاری مرجع در دست‌کم %3٪ از اپیزودهای هر مقیاس، %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>scale scores (%1) within %2 point(s) of gold on at least %3 % of the episodes, %4</source>
        <translation>
            <numerusform>نمرهٔ مقیاس‌ها (%1) با فاصلهٔ حداکثر %2 امتیاز از کدگذاری مرجع در دست‌کم %3٪ از اپیزودها، %4</numerusform>
        </translation>
    </message>
    <message>
        <source> (main category)</source>
        <translation> (طبقهٔ اصلی)</translation>
    </message>
    <message>
        <source>the same %1 as gold%2 on at least %3 of %4 tapes</source>
        <translation>همان %1 کدگذاری مرجع%2 دست‌کم در %3 از %4 ویدئو</translation>
    </message>
    <message numerus="yes">
        <source>the same %1 as gold%2 on at least %3 tape(s)</source>
        <translation>
            <numerusform>همان %1 کدگذاری مرجع%2 دست‌کم در %3 ویدئو</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message numerus="yes">
        <source>on at least %1 tape(s)</source>
        <translation>
            <numerusform>دست‌کم در %1 ویدئو</numerusform>
        </translation>
    </message>
    <message>
        <source>on every tape</source>
        <translation>در همهٔ ویدئوها</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>undefined</source>
        <translation>تعریف‌نشده</translation>
    </message>
    <message>
        <source>(not scored)</source>
        <translation>(نمره داده نشده)</translation>
    </message>
    <message>
        <source>No subject</source>
        <translation>بدون فرد</translation>
    </message>
    <message>
        <source>%1 (other coder)</source>
        <translation>%1 (کدگذار دیگر)</translation>
    </message>
    <message>
        <source>met</source>
        <translation>برآورده شد</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>برآورده نشد</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Video coding workstation for attachment research</source>
        <translation>ایستگاه کاری کدگذاری ویدئو برای پژوهش دلبستگی</translation>
    </message>
    <message>
        <source>Project file (.sbproj)</source>
        <translation>پروندهٔ پروژه (.sbproj)</translation>
    </message>
    <message>
        <source>Session to open</source>
        <translation>جلسه‌ای که باز شود</translation>
    </message>
    <message>
        <source>Code as this coder</source>
        <translation>کدگذاری به نام این کدگذار</translation>
    </message>
    <message>
        <source>Save a picture of the window to this PNG file once the video shows, then quit</source>
        <translation>پس از نمایش ویدئو، تصویری از پنجره در این پروندهٔ PNG ذخیره و سپس برنامه بسته شود</translation>
    </message>
    <message>
        <source>Start at this time (seconds)</source>
        <translation>شروع از این زمان (ثانیه)</translation>
    </message>
    <message>
        <source>Interface language: fa or en</source>
        <translation>زبان رابط کاربری: fa یا en</translation>
    </message>
</context>
<context>
    <name>sb::gui::AgreementWindow</name>
    <message>
        <source>Agreement</source>
        <translation>توافق میان کدگذاران</translation>
    </message>
    <message>
        <source>Time units</source>
        <translation>واحدهای زمانی</translation>
    </message>
    <message>
        <source>Event alignment</source>
        <translation>هم‌ترازی رویدادها</translation>
    </message>
    <message>
        <source> s</source>
        <translation> ثانیه</translation>
    </message>
    <message>
        <source>Time units: a disagreement is forgiven when the other coder has the code within this window (a whole number of units). Events: onsets this close are paired.</source>
        <translation>واحدهای زمانی: اگر کدگذار دیگر همان کد را در این بازه (عددی صحیح از واحدها) ثبت کرده باشد، عدم توافق نادیده گرفته می‌شود. رویدادها: آغازهایی که تا این اندازه به هم نزدیک‌اند، با هم جفت می‌شوند.</translation>
    </message>
    <message>
        <source>and</source>
        <translation>و</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>کدگذاران</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>روش</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>بازهٔ مجاز</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>مقایسه</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>خروجی گزارش…</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: first coder; click a cell to list those units)</source>
        <translation>ماتریس درهم‌ریختگی (سطرها: کدگذار نخست؛ برای فهرست آن واحدها روی خانه کلیک کنید)</translation>
    </message>
    <message>
        <source>Disagreements (click to see them; N next, P previous)</source>
        <translation>عدم توافق‌ها (برای دیدن کلیک کنید؛ N بعدی، P قبلی)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>First coder</source>
        <translation>کدگذار نخست</translation>
    </message>
    <message>
        <source>Second coder</source>
        <translation>کدگذار دوم</translation>
    </message>
    <message>
        <source>κ = %1   agreement %2 %   over %3 units%4</source>
        <translation>κ = %1   توافق %2٪   در %3 واحد%4</translation>
    </message>
    <message>
        <source>   with ±%1 units: κ = %2</source>
        <translation>   با ±%1 واحد: κ = %2</translation>
    </message>
    <message>
        <source>aligned κ = %1   %2 pairings   agreement %3 %</source>
        <translation>κ هم‌ترازشده = %1   %2 جفت   توافق %3٪</translation>
    </message>
    <message>
        <source>Write the reliability report into</source>
        <translation>گزارش پایایی در این پوشه نوشته شود</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>گزارش در %1 نوشته شد</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(هیچ)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>sb::gui::AnnotationPanel</name>
    <message>
        <source>Apply</source>
        <translation>اعمال</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Split at playhead</source>
        <translation>تقسیم در نشانگر پخش</translation>
    </message>
    <message>
        <source>Annotation details</source>
        <translation>جزئیات رویداد کدگذاری‌شده</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>فرد</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>A note on this annotation</source>
        <translation>یادداشتی دربارهٔ این رویداد</translation>
    </message>
    <message>
        <source>No annotation selected</source>
        <translation>هیچ رویدادی انتخاب نشده است</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(هیچ)</translation>
    </message>
</context>
<context>
    <name>sb::gui::AuditWindow</name>
    <message>
        <source>Audit history</source>
        <translation>تاریخچهٔ ممیزی</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>چه کسی</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>جلسه</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>وارسی زنجیره</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>When</source>
        <translation>چه زمانی</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>کار</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>پیش از</translation>
    </message>
    <message>
        <source>After</source>
        <translation>پس از</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>Any session</source>
        <translation>همهٔ جلسه‌ها</translation>
    </message>
    <message>
        <source>SecureBase</source>
        <translation>SecureBase</translation>
    </message>
    <message>
        <source>The chain is broken at row %1: %2</source>
        <translation>زنجیره در ردیف %1 گسسته است: %2</translation>
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n row(s) checked.</source>
        <translation>
            <numerusform>زنجیره سالم است: %n ردیف وارسی شد.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sb::gui::CandidatePanel</name>
    <message>
        <source>Measure</source>
        <translation>سنجه</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>فرد</translation>
    </message>
    <message>
        <source>Find candidates above the threshold</source>
        <translation>یافتن نامزدهای بالاتر از آستانه</translation>
    </message>
    <message>
        <source>Each peak of the measure above its threshold becomes a candidate event of the code</source>
        <translation>هر اوج سنجه که از آستانه بالاتر باشد، رویداد نامزد برای این کد می‌شود</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>پذیرفتن</translation>
    </message>
    <message>
        <source>Add this candidate as an annotation (undoable)</source>
        <translation>افزودن این نامزد به‌عنوان رویداد کدگذاری‌شده (واگردپذیر)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رد کردن</translation>
    </message>
    <message>
        <source>Drop this candidate; nothing is added</source>
        <translation>کنار گذاشتن این نامزد؛ چیزی افزوده نمی‌شود</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(هیچ)</translation>
    </message>
    <message>
        <source>%1  (frame %2, %3)</source>
        <translation>%1  (فریم %2، %3)</translation>
    </message>
    <message>
        <source>No candidates left.</source>
        <translation>نامزدی باقی نمانده است.</translation>
    </message>
    <message>
        <source>Choose a measure and a code, then find candidates.</source>
        <translation>سنجه و کدی را برگزینید، سپس نامزدها را بیابید.</translation>
    </message>
    <message>
        <source>Candidate %1 of %2</source>
        <translation>نامزد %1 از %2</translation>
    </message>
</context>
<context>
    <name>sb::gui::ClipExportDialog</name>
    <message>
        <source>the session has no video</source>
        <translation>جلسه ویدئو ندارد</translation>
    </message>
    <message>
        <source>Cannot export this range: %1</source>
        <translation>این بازه را نمی‌توان خروجی گرفت: %1</translation>
    </message>
    <message>
        <source>Export teaching clip</source>
        <translation>خروجی گرفتن کلیپ آموزشی</translation>
    </message>
    <message>
        <source>%1 to %2: frames %3 to %4 of %5 (%6 frames)</source>
        <translation>%1 تا %2: فریم‌های %3 تا %4 از %5 (%6 فریم)</translation>
    </message>
    <message>
        <source>Blur faces</source>
        <translation>محو کردن چهره‌ها</translation>
    </message>
    <message>
        <source>Faces are found in every frame (also turned heads) and blurred beyond recognition</source>
        <translation>چهره‌ها در همهٔ فریم‌ها (حتی سرِ چرخیده) یافته و چنان محو می‌شوند که شناختنی نباشند</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>صدا</translation>
    </message>
    <message>
        <source>Keep the sound</source>
        <translation>نگه‌داشتن صدا</translation>
    </message>
    <message>
        <source>Mute (silent track)</source>
        <translation>بی‌صدا (مسیر صدای خاموش)</translation>
    </message>
    <message>
        <source>No audio track</source>
        <translation>بدون مسیر صدا</translation>
    </message>
    <message>
        <source>Burn in a caption (session, code and time)</source>
        <translation>درج زیرنویس روی تصویر (جلسه، کد و زمان)</translation>
    </message>
    <message>
        <source>Strip the source&apos;s metadata (dates, device, location): always</source>
        <translation>حذف فراداده‌های منبع (تاریخ، دستگاه، مکان): همیشه</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>ذخیره با نام</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>مرور…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>خروجی</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>لغو خروجی</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>frame %1 of %2</source>
        <translation>فریم %1 از %2</translation>
    </message>
    <message>
        <source>Save clip as</source>
        <translation>ذخیرهٔ کلیپ با نام</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>ویدئوی MP4 (*.mp4)</translation>
    </message>
    <message>
        <source>Preview failed: %1</source>
        <translation>پیش‌نمایش ناموفق بود: %1</translation>
    </message>
    <message>
        <source>Choose where to save the clip.</source>
        <translation>جای ذخیرهٔ کلیپ را برگزینید.</translation>
    </message>
    <message>
        <source>Cannot write to the folder %1.</source>
        <translation>در پوشهٔ %1 نمی‌توان نوشت.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>در حال خروجی گرفتن…</translation>
    </message>
    <message>
        <source>Finding faces: frame %1 of %2</source>
        <translation>یافتن چهره‌ها: فریم %1 از %2</translation>
    </message>
    <message>
        <source>Encoding: frame %1 of %2</source>
        <translation>رمزگذاری: فریم %1 از %2</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>در حال لغو…</translation>
    </message>
    <message>
        <source>Wrote %1: %2 frames%3.</source>
        <translation>%1 نوشته شد: %2 فریم%3.</translation>
    </message>
    <message>
        <source>, faces blurred</source>
        <translation>، با چهره‌های محوشده</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>خروجی لغو شد؛ هیچ پرونده‌ای نوشته نشد.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>خروجی ناموفق بود: %1</translation>
    </message>
</context>
<context>
    <name>sb::gui::FilmstripLane</name>
    <message>
        <source>Video</source>
        <translation>ویدئو</translation>
    </message>
    <message>
        <source>No video in this session</source>
        <translation>این جلسه ویدئو ندارد</translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation>فریم %1</translation>
    </message>
</context>
<context>
    <name>sb::gui::HistoryPanel</name>
    <message>
        <source>Edit history</source>
        <translation>تاریخچهٔ ویرایش</translation>
    </message>
    <message>
        <source>Undone: Ctrl+Shift+Z redoes it</source>
        <translation>واگرد شده؛ Ctrl+Shift+Z آن را دوباره انجام می‌دهد</translation>
    </message>
</context>
<context>
    <name>sb::gui::KeyboardLayout</name>
    <message>
        <source>ZWNJ</source>
        <comment>the zero-width non-joiner a Persian keyboard types (nim-fasele)</comment>
        <translation>نیم‌فاصله</translation>
    </message>
    <message>
        <source>ZWJ</source>
        <comment>the zero-width joiner a Persian keyboard types</comment>
        <translation>اتصال‌دهنده</translation>
    </message>
</context>
<context>
    <name>sb::gui::KeypadPanel</name>
    <message>
        <source>Coding pad</source>
        <translation>صفحهٔ کدگذاری</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>فرد</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>کدها</translation>
    </message>
    <message>
        <source>state</source>
        <translation>حالت</translation>
    </message>
    <message>
        <source>point</source>
        <translation>لحظه‌ای</translation>
    </message>
</context>
<context>
    <name>sb::gui::MainWindow</name>
    <message>
        <source>SecureBase</source>
        <translation>SecureBase</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>مکث</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>پخش</translation>
    </message>
    <message>
        <source>No audio output device: playing without sound.</source>
        <translation>دستگاه خروجی صدا پیدا نشد؛ پخش بدون صدا انجام می‌شود.</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>سرعت پخش</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;باز کردن پروژه…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;واگرد</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;انجام دوباره</translation>
    </message>
    <message>
        <source>&amp;Delete selected annotation</source>
        <translation>&amp;حذف رویداد انتخاب‌شده</translation>
    </message>
    <message>
        <source>&amp;Split selected at playhead</source>
        <translation>&amp;تقسیم رویداد انتخاب‌شده در نشانگر پخش</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>فریم بعدی</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>فریم قبلی</translation>
    </message>
    <message>
        <source>Forward 1 s</source>
        <translation>۱ ثانیه جلو</translation>
    </message>
    <message>
        <source>Back 1 s</source>
        <translation>۱ ثانیه عقب</translation>
    </message>
    <message>
        <source>Forward 10 s</source>
        <translation>۱۰ ثانیه جلو</translation>
    </message>
    <message>
        <source>Back 10 s</source>
        <translation>۱۰ ثانیه عقب</translation>
    </message>
    <message>
        <source>Shuttle backward (J)</source>
        <translation>جست‌وجوی سریع رو به عقب (J)</translation>
    </message>
    <message>
        <source>Shuttle stop (K)</source>
        <translation>توقف جست‌وجوی سریع (K)</translation>
    </message>
    <message>
        <source>Shuttle forward (L)</source>
        <translation>جست‌وجوی سریع رو به جلو (L)</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>آهسته‌تر</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>تندتر</translation>
    </message>
    <message>
        <source>&amp;Comment at playhead</source>
        <translation>&amp;یادداشت در نشانگر پخش</translation>
    </message>
    <message>
        <source>&amp;Agreement between coders…</source>
        <translation>&amp;توافق میان کدگذاران…</translation>
    </message>
    <message>
        <source>&amp;Next disagreement</source>
        <translation>عدم توافق &amp;بعدی</translation>
    </message>
    <message>
        <source>&amp;Previous disagreement</source>
        <translation>عدم توافق &amp;قبلی</translation>
    </message>
    <message>
        <source>&amp;Go to time or frame…</source>
        <translation>&amp;رفتن به زمان یا فریم…</translation>
    </message>
    <message>
        <source>&amp;Loop selected annotation</source>
        <translation>&amp;تکرار پیوستهٔ رویداد انتخاب‌شده</translation>
    </message>
    <message>
        <source>Frame and time &amp;overlay</source>
        <translation>نمایش &amp;فریم و زمان روی تصویر</translation>
    </message>
    <message>
        <source>Tracks by &amp;subject</source>
        <translation>ردیف‌ها بر پایهٔ &amp;فرد</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>&amp;Change shortcuts…</source>
        <translation>&amp;تغییر میان‌برها…</translation>
    </message>
    <message>
        <source>&amp;Locate missing media…</source>
        <translation>&amp;یافتن رسانه‌های گم‌شده…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;ترجیحات…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <source>Mark segment start at playhead</source>
        <translation>علامت‌گذاری آغاز بخش در نشانگر پخش</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;پخش</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <source>&amp;Reliability</source>
        <translation>پا&amp;یایی</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>Coding pad</source>
        <translation>صفحهٔ کدگذاری</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>رویداد کدگذاری‌شده</translation>
    </message>
    <message>
        <source>Scales and judgements</source>
        <translation>مقیاس‌ها و قضاوت‌ها</translation>
    </message>
    <message>
        <source>Coding as</source>
        <translation>کدگذاری به نام</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>جلسه‌ها</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>پروژه</translation>
    </message>
    <message>
        <source>History</source>
        <translation>تاریخچه</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 باز نمی‌شود: %2</translation>
    </message>
    <message>
        <source>SecureBase — %1 — %2</source>
        <translation>SecureBase — %1 — %2</translation>
    </message>
    <message>
        <source>Added on %1</source>
        <translation>افزوده‌شده در %1</translation>
    </message>
    <message>
        <source>%1 (supervisor)</source>
        <translation>%1 (سرپرست)</translation>
    </message>
    <message>
        <source>%1 (%2) is a coding key in this scheme</source>
        <translation>%1 (%2) در این نظام کدگذاری کلید یک کد است</translation>
    </message>
    <message>
        <source>Some playback keys are coding keys in this scheme; see Help ▸ Keyboard shortcuts.</source>
        <translation>برخی کلیدهای پخش در این نظام کدگذاری کلید کد هستند؛ راهنما ◂ میان‌برهای صفحه‌کلید را ببینید.</translation>
    </message>
    <message>
        <source>This session has no video.</source>
        <translation>این جلسه ویدئو ندارد.</translation>
    </message>
    <message>
        <source>File ▸ Locate missing media… to find it.</source>
        <translation>برای یافتن آن: پرونده ◂ یافتن رسانه‌های گم‌شده…</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;واگرد %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;انجام دوبارهٔ %1</translation>
    </message>
    <message>
        <source>%1  frame %2</source>
        <translation>%1  فریم %2</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>باز کردن پروژه</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>رفتن به</translation>
    </message>
    <message>
        <source>Time (seconds, or m:ss.sss) or #frame:</source>
        <translation>زمان (ثانیه، یا m:ss.sss) یا #فریم:</translation>
    </message>
    <message>
        <source>There is no frame %1.</source>
        <translation>فریم %1 وجود ندارد.</translation>
    </message>
    <message>
        <source>“%1” is neither a time nor a frame number.</source>
        <translation>«%1» نه زمان است و نه شمارهٔ فریم.</translation>
    </message>
    <message>
        <source>Locate %1</source>
        <translation>یافتن %1</translation>
    </message>
    <message>
        <source>Media files (*.mp4 *.mov *.mkv *.avi *.webm *.mts *.m4v *.mpg);;All files (*)</source>
        <translation>پرونده‌های رسانه (*.mp4 *.mov *.mkv *.avi *.webm *.mts *.m4v *.mpg);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>کار</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>کلید</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>کد: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>فرد: %1</translation>
    </message>
    <message>
        <source>Change shortcuts</source>
        <translation>تغییر میان‌برها</translation>
    </message>
    <message>
        <source>SecureBase projects and coding packages (*.sbproj *.sbpkg);;All files (*)</source>
        <translation>پروژه‌ها و بسته‌های کدگذاری SecureBase (*.sbproj *.sbpkg);;همهٔ پرونده‌ها (*)</translation>
    </message>
</context>
<context>
    <name>sb::gui::MeasureLane</name>
    <message>
        <source>Motion</source>
        <translation>حرکت</translation>
    </message>
    <message>
        <source>Motion: %1</source>
        <translation>حرکت: %1</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>جریان نوری</translation>
    </message>
    <message>
        <source>Flow: %1</source>
        <translation>جریان نوری: %1</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>صدا</translation>
    </message>
    <message>
        <source>Threshold %1: drag to change; %2 peaks above it</source>
        <translation>آستانهٔ %1: برای تغییر بکشید؛ %2 اوج بالاتر از آن</translation>
    </message>
    <message>
        <source>%1 at frame %2: %3</source>
        <translation>%1 در فریم %2: %3</translation>
    </message>
</context>
<context>
    <name>sb::gui::MotionTracks</name>
    <message>
        <source>Analysing motion and sound…</source>
        <translation>در حال تحلیل حرکت و صدا…</translation>
    </message>
    <message>
        <source>Reading the motion analysis from the cache…</source>
        <translation>در حال خواندن تحلیل حرکت از حافظهٔ نهان…</translation>
    </message>
    <message>
        <source>Indexing the video for analysis…</source>
        <translation>در حال نمایه‌سازی ویدئو برای تحلیل…</translation>
    </message>
    <message>
        <source>Analysing motion and sound: frame %1 of %2</source>
        <translation>تحلیل حرکت و صدا: فریم %1 از %2</translation>
    </message>
    <message>
        <source>Motion analysis of %1 failed: %2</source>
        <translation>تحلیل حرکت %1 ناموفق بود: %2</translation>
    </message>
</context>
<context>
    <name>sb::gui::NotesPanel</name>
    <message>
        <source>Comments</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <source>A note at the playhead…</source>
        <translation>یادداشتی در نشانگر پخش…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>افزودن</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>sb::gui::Playback</name>
    <message>
        <source>Media file not found: %1</source>
        <translation>پروندهٔ رسانه پیدا نشد: %1</translation>
    </message>
</context>
<context>
    <name>sb::gui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>ترجیحات</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>زبان رابط کاربری</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>زبان سیستم (%1)</translation>
    </message>
    <message>
        <source>Persian digits (۱۲۳) in times and counts</source>
        <translation>رقم‌های فارسی (۱۲۳) در زمان‌ها و شمارش‌ها</translation>
    </message>
    <message>
        <source>Session dates in the Solar Hijri calendar</source>
        <translation>تاریخ جلسه‌ها به تقویم هجری خورشیدی</translation>
    </message>
    <message>
        <source>Files and exports always keep ASCII digits, a &apos;.&apos; decimal point and ISO dates, whatever is chosen here.</source>
        <translation>پرونده‌ها و خروجی‌ها، هرچه اینجا انتخاب شود، همیشه با رقم‌های لاتین، ممیز «.» و تاریخ ISO ذخیره می‌شوند.</translation>
    </message>
</context>
<context>
    <name>sb::gui::ProgressWindow</name>
    <message>
        <source>Sign-off refused</source>
        <translation>تأیید نهایی پذیرفته نشد</translation>
    </message>
    <message>
        <source>Write the certificate into</source>
        <translation>گواهی در این پوشه نوشته شود</translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation>گواهی صادر نشد</translation>
    </message>
    <message>
        <source>Certificate written</source>
        <translation>گواهی نوشته شد</translation>
    </message>
    <message>
        <source>Training progress</source>
        <translation>پیشرفت آموزش</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>کارآموز</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>مجموعهٔ آموزشی</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>ملاک</translation>
    </message>
    <message>
        <source>Attempted tapes (oldest first)</source>
        <translation>ویدئوهای کدگذاری‌شده (قدیمی‌ترین نخست)</translation>
    </message>
    <message>
        <source>Codes holding the trainee back (worst first)</source>
        <translation>کدهایی که کارآموز را عقب نگه می‌دارند (ضعیف‌ترین نخست)</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>تأیید نهایی…</translation>
    </message>
    <message>
        <source>Write certificate…</source>
        <translation>نوشتن گواهی…</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>شرط</translation>
    </message>
    <message>
        <source>Tapes</source>
        <translation>ویدئوها</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>جریان</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Mean κ</source>
        <translation>میانگین κ</translation>
    </message>
    <message>
        <source>Lowest κ</source>
        <translation>کمترین κ</translation>
    </message>
    <message>
        <source>The project has no training set yet (securebase-cli training define).</source>
        <translation>پروژه هنوز مجموعهٔ آموزشی ندارد (securebase-cli training define).</translation>
    </message>
    <message>
        <source>Only a supervisor signs off.</source>
        <translation>تنها سرپرست تأیید نهایی می‌کند.</translation>
    </message>
    <message>
        <source>The criterion is not met yet.</source>
        <translation>ملاک هنوز برآورده نشده است.</translation>
    </message>
    <message numerus="yes">
        <source>%1 meets the criterion of %2 on %Ln tape(s).</source>
        <translation>
            <numerusform>%1 ملاک %2 را در %Ln ویدئو برآورده می‌کند.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 does not meet the criterion of %2 yet.</source>
        <translation>%1 هنوز ملاک %2 را برآورده نمی‌کند.</translation>
    </message>
    <message>
        <source>Signed off.</source>
        <translation>تأیید نهایی شد.</translation>
    </message>
    <message>
        <source>Not attempted yet: %1</source>
        <translation>هنوز کدگذاری نشده: %1</translation>
    </message>
    <message>
        <source>No gold standard yet: %1</source>
        <translation>هنوز کدگذاری مرجع ندارد: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 از %2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>جلسه</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>مرجع</translation>
    </message>
    <message>
        <source>Coded</source>
        <translation>کدگذاری‌شده</translation>
    </message>
    <message>
        <source>Requirement %1</source>
        <translation>شرط %1</translation>
    </message>
    <message>
        <source>Tape</source>
        <translation>ویدئو</translation>
    </message>
    <message>
        <source>Trend over the attempts</source>
        <translation>روند در طول تلاش‌ها</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>تلاش</translation>
    </message>
    <message>
        <source>κ, or share of episodes</source>
        <translation>κ یا سهم اپیزودها</translation>
    </message>
    <message>
        <source>Criterion %1</source>
        <translation>ملاک %1</translation>
    </message>
    <message>
        <source>%1 has not been signed off on %2.</source>
        <translation>%1 هنوز برای %2 تأیید نهایی نشده است.</translation>
    </message>
</context>
<context>
    <name>sb::gui::RegionEditor</name>
    <message>
        <source>blur</source>
        <translation>محو</translation>
    </message>
    <message>
        <source>Drag a rectangle around what the motion measure should watch</source>
        <translation>دور ناحیه‌ای که سنجهٔ حرکت باید بپاید، مستطیلی بکشید</translation>
    </message>
    <message>
        <source>Drag to add a blur region from now on; drag one to move it here</source>
        <translation>برای افزودن ناحیهٔ محو از این لحظه به بعد بکشید؛ برای جابه‌جا کردن یک ناحیه در این لحظه، آن را بکشید</translation>
    </message>
    <message>
        <source>Analysis region</source>
        <translation>ناحیهٔ تحلیل</translation>
    </message>
    <message>
        <source>Name of the region (e.g. infant, door):</source>
        <translation>نام ناحیه (مثلاً نوزاد، در):</translation>
    </message>
    <message>
        <source>Blur region added from %1 to the end; drag it at other times to make it follow.</source>
        <translation>ناحیهٔ محو از %1 تا پایان افزوده شد؛ برای دنبال کردن سوژه، آن را در زمان‌های دیگر بکشید.</translation>
    </message>
    <message>
        <source>End this blur region here</source>
        <translation>پایان این ناحیهٔ محو در همین‌جا</translation>
    </message>
    <message>
        <source>Delete this blur region</source>
        <translation>حذف این ناحیهٔ محو</translation>
    </message>
    <message>
        <source>Delete analysis region “%1”</source>
        <translation>حذف ناحیهٔ تحلیل «%1»</translation>
    </message>
</context>
<context>
    <name>sb::gui::ReviewPanel</name>
    <message>
        <source>Trainee</source>
        <translation>کارآموز</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>در مقایسه با</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>روش</translation>
    </message>
    <message>
        <source>Time units (1 s)</source>
        <translation>واحدهای زمانی (۱ ثانیه)</translation>
    </message>
    <message>
        <source>Event alignment (±2 s)</source>
        <translation>هم‌ترازی رویدادها (±۲ ثانیه)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>مرجع</translation>
    </message>
    <message>
        <source>New thread…</source>
        <translation>گفت‌وگوی تازه…</translation>
    </message>
    <message>
        <source>Opens a thread on the selected disagreement, else on the selected annotation, else on the two seconds after the playhead.</source>
        <translation>گفت‌وگویی دربارهٔ عدم توافق انتخاب‌شده باز می‌کند؛ در غیر این صورت دربارهٔ رویداد انتخاب‌شده، وگرنه دربارهٔ دو ثانیهٔ پس از نشانگر پخش.</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>حل‌شده</translation>
    </message>
    <message>
        <source>Write an answer…</source>
        <translation>پاسخی بنویسید…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>ارسال</translation>
    </message>
    <message>
        <source>Next thread or disagreement</source>
        <translation>گفت‌وگو یا عدم توافق بعدی</translation>
    </message>
    <message>
        <source>Previous thread or disagreement</source>
        <translation>گفت‌وگو یا عدم توافق قبلی</translation>
    </message>
    <message>
        <source>%1: next thread or disagreement, %2: previous. The video goes there.</source>
        <translation>%1: گفت‌وگو یا عدم توافق بعدی، %2: قبلی. ویدئو به همان‌جا می‌رود.</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(هیچ)</translation>
    </message>
    <message numerus="yes">
        <source>Disagreements with %1: %Ln</source>
        <translation>
            <numerusform>عدم توافق‌ها با %1: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>No trainee to review in this project yet.</source>
        <translation>هنوز کارآموزی برای بازبینی در این پروژه نیست.</translation>
    </message>
    <message>
        <source>%1&apos;s coding of %2 against %3.</source>
        <translation>کدگذاری %1 از %2 در برابر %3.</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>سرپرست</translation>
    </message>
    <message>
        <source>%1–%2  %3%4</source>
        <translation>%1–%2  %3%4</translation>
    </message>
    <message>
        <source>✓ </source>
        <translation>✓ </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n پیام</numerusform>
        </translation>
    </message>
    <message>
        <source>Threads: %1 open, %2 resolved</source>
        <translation>گفت‌وگوها: %1 باز، %2 حل‌شده</translation>
    </message>
    <message>
        <source>Choose a thread to read it.</source>
        <translation>گفت‌وگویی را برای خواندن برگزینید.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No further thread or disagreement in this session.</source>
        <translation>در این جلسه گفت‌وگو یا عدم توافق دیگری پس از این نیست.</translation>
    </message>
    <message>
        <source>No earlier thread or disagreement in this session.</source>
        <translation>در این جلسه گفت‌وگو یا عدم توافقی پیش از این نیست.</translation>
    </message>
    <message>
        <source>New thread</source>
        <translation>گفت‌وگوی تازه</translation>
    </message>
    <message>
        <source>%1 to %2, about %3&apos;s coding. First message:</source>
        <translation>%1 تا %2، دربارهٔ کدگذاری %3. نخستین پیام:</translation>
    </message>
    <message>
        <source>The thread was not opened: %1</source>
        <translation>گفت‌وگو باز نشد: %1</translation>
    </message>
    <message>
        <source>The message was not saved: %1</source>
        <translation>پیام ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Export clip of this range…</source>
        <translation>خروجی کلیپ از این بازه…</translation>
    </message>
    <message>
        <source>Export clip…</source>
        <translation>خروجی کلیپ…</translation>
    </message>
    <message>
        <source>A teaching clip of the current thread&apos;s or disagreement&apos;s range, faces blurred.</source>
        <translation>کلیپ آموزشی از بازهٔ گفت‌وگو یا عدم توافق کنونی، با چهره‌های محوشده.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Go to a thread or a disagreement first (%1).</source>
        <translation>نخست به یک گفت‌وگو یا یک عدم توافق بروید (%1).</translation>
    </message>
</context>
<context>
    <name>sb::gui::ScoringPanel</name>
    <message>
        <source>Scales and judgements</source>
        <translation>مقیاس‌ها و قضاوت‌ها</translation>
    </message>
    <message>
        <source>Segments (mark their starts from Edit ▸ Mark segment start)</source>
        <translation>بخش‌ها (آغاز هر بخش را از ویرایش ◂ علامت‌گذاری آغاز بخش ثبت کنید)</translation>
    </message>
    <message>
        <source>Scales in the selected segment</source>
        <translation>مقیاس‌های بخش انتخاب‌شده</translation>
    </message>
    <message>
        <source>Session judgements</source>
        <translation>قضاوت‌های کلی جلسه</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 ← %2</translation>
    </message>
    <message>
        <source>(not decided)</source>
        <translation>(تصمیم گرفته نشده)</translation>
    </message>
</context>
<context>
    <name>sb::gui::SessionDocument</name>
    <message>
        <source>%1 has no session yet: add one with its media first.</source>
        <translation>%1 هنوز جلسه‌ای ندارد؛ نخست جلسه‌ای را همراه رسانه‌اش بیفزایید.</translation>
    </message>
</context>
<context>
    <name>sb::gui::SessionRegions</name>
    <message>
        <source>Session %1: analysis regions: %2</source>
        <translation>جلسهٔ %1: ناحیه‌های تحلیل: %2</translation>
    </message>
    <message>
        <source>Cannot save the analysis regions: %1</source>
        <translation>ناحیه‌های تحلیل ذخیره نمی‌شوند: %1</translation>
    </message>
    <message>
        <source>Cannot save the blur regions: %1</source>
        <translation>ناحیه‌های محو ذخیره نمی‌شوند: %1</translation>
    </message>
</context>
<context>
    <name>sb::gui::SupervisionMenu</name>
    <message>
        <source>&amp;Supervision</source>
        <translation>&amp;سرپرستی</translation>
    </message>
    <message>
        <source>Make coding &amp;package for a coder…</source>
        <translation>ساختن &amp;بستهٔ کدگذاری برای کدگذار…</translation>
    </message>
    <message>
        <source>&amp;Merge returned package…</source>
        <translation>&amp;ادغام بستهٔ بازگشتی…</translation>
    </message>
    <message>
        <source>Release &amp;feedback to a trainee…</source>
        <translation>فرستادن &amp;بازخورد برای کارآموز…</translation>
    </message>
    <message>
        <source>Set &amp;gold standard of this session…</source>
        <translation>تعیین کدگذاری &amp;مرجع این جلسه…</translation>
    </message>
    <message>
        <source>Re&amp;veal a coder&apos;s work to another…</source>
        <translation>&amp;نشان دادن کار یک کدگذار به دیگری…</translation>
    </message>
    <message>
        <source>&amp;Review mode</source>
        <translation>حالت &amp;بازبینی</translation>
    </message>
    <message>
        <source>Training &amp;progress…</source>
        <translation>&amp;پیشرفت آموزش…</translation>
    </message>
    <message>
        <source>&amp;Audit history…</source>
        <translation>تاریخچهٔ &amp;ممیزی…</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>بازبینی</translation>
    </message>
    <message>
        <source>%1 is %2&apos;s coding package; it cannot be opened as %3.</source>
        <translation>%1 بستهٔ کدگذاری %2 است و نمی‌توان آن را به نام %3 باز کرد.</translation>
    </message>
    <message>
        <source> — feedback package for %1</source>
        <translation> — بستهٔ بازخورد برای %1</translation>
    </message>
    <message>
        <source> — coding package for %1</source>
        <translation> — بستهٔ کدگذاری برای %1</translation>
    </message>
    <message>
        <source>Only a supervisor, in the main project, does this.</source>
        <translation>این کار را تنها سرپرست، در پروژهٔ اصلی، انجام می‌دهد.</translation>
    </message>
    <message>
        <source>Feedback package for %1: gold standard and comments (read-only)</source>
        <translation>بستهٔ بازخورد برای %1: کدگذاری مرجع و یادداشت‌ها (فقط‌خواندنی)</translation>
    </message>
    <message>
        <source>Coding package for %1: return this file to your supervisor</source>
        <translation>بستهٔ کدگذاری برای %1: این پرونده را به سرپرست خود بازگردانید</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Coding package for %1 written to %2 (%n session(s)).</source>
        <translation>
            <numerusform>بستهٔ کدگذاری برای %1 در %2 نوشته شد (%n جلسه).</numerusform>
        </translation>
    </message>
    <message>
        <source>No package was made</source>
        <translation>بسته‌ای ساخته نشد</translation>
    </message>
    <message>
        <source>%1 was merged before: nothing changed.</source>
        <translation>%1 پیش‌تر ادغام شده است؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>Merged %1&apos;s package: %2 annotations in %3 session(s), %4 new message(s).</source>
        <translation>بستهٔ %1 ادغام شد: %2 رویداد در %3 جلسه، %4 پیام تازه.</translation>
    </message>
    <message>
        <source>The package was refused and nothing was merged</source>
        <translation>بسته پذیرفته نشد و چیزی ادغام نشد</translation>
    </message>
    <message numerus="yes">
        <source>Feedback for %1 written to %2: %3 thread(s), gold standard of %n session(s).</source>
        <translation>
            <numerusform>بازخورد برای %1 در %2 نوشته شد: %3 گفت‌وگو، کدگذاری مرجع %n جلسه.</numerusform>
        </translation>
    </message>
    <message>
        <source>No feedback was released</source>
        <translation>بازخوردی فرستاده نشد</translation>
    </message>
    <message>
        <source>%1&apos;s coding is now the gold standard of %2.</source>
        <translation>کدگذاری %1 اکنون کدگذاری مرجع %2 است.</translation>
    </message>
    <message>
        <source>The gold standard was not set</source>
        <translation>کدگذاری مرجع تعیین نشد</translation>
    </message>
    <message>
        <source>%1 will see %2&apos;s work on %3 in their next package.</source>
        <translation>%1 کار %2 روی %3 را در بستهٔ بعدی خود خواهد دید.</translation>
    </message>
    <message>
        <source>%1 will see %2&apos;s work in their next package.</source>
        <translation>%1 کار %2 را در بستهٔ بعدی خود خواهد دید.</translation>
    </message>
    <message>
        <source>Nothing was revealed</source>
        <translation>چیزی نشان داده نشد</translation>
    </message>
    <message>
        <source>The project has no coder yet.</source>
        <translation>پروژه هنوز کدگذاری ندارد.</translation>
    </message>
    <message>
        <source>Make a coding package</source>
        <translation>ساختن بستهٔ کدگذاری</translation>
    </message>
    <message>
        <source>The package holds the scheme, these sessions with their media references and the coder&apos;s own earlier work: no one else&apos;s coding, comments or names.</source>
        <translation>بسته نظام کدگذاری، این جلسه‌ها با نشانی رسانه‌هایشان و کار پیشین خود کدگذار را در بر دارد: نه کدگذاری، یادداشت یا نام هیچ‌کس دیگر.</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>کدگذار</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>جلسه‌ها</translation>
    </message>
    <message>
        <source>Save the coding package</source>
        <translation>ذخیرهٔ بستهٔ کدگذاری</translation>
    </message>
    <message>
        <source>SecureBase coding packages (*.sbpkg)</source>
        <translation>بسته‌های کدگذاری SecureBase (*.sbpkg)</translation>
    </message>
    <message>
        <source>Merge a returned package</source>
        <translation>ادغام بستهٔ بازگشتی</translation>
    </message>
    <message>
        <source>SecureBase coding packages (*.sbpkg);;All files (*)</source>
        <translation>بسته‌های کدگذاری SecureBase (*.sbpkg);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Package merged</source>
        <translation>بسته ادغام شد</translation>
    </message>
    <message>
        <source>Package refused</source>
        <translation>بسته پذیرفته نشد</translation>
    </message>
    <message>
        <source>%1

Nothing was merged; the project is as it was.</source>
        <translation>%1

چیزی ادغام نشد؛ پروژه همان است که بود.</translation>
    </message>
    <message>
        <source>Release feedback</source>
        <translation>فرستادن بازخورد</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>کارآموز</translation>
    </message>
    <message>
        <source>Save the feedback package</source>
        <translation>ذخیرهٔ بستهٔ بازخورد</translation>
    </message>
    <message>
        <source>Gold standard</source>
        <translation>کدگذاری مرجع</translation>
    </message>
    <message>
        <source>Whose coding of %1 is the gold standard?</source>
        <translation>کدگذاری چه کسی از %1 مرجع است؟</translation>
    </message>
    <message>
        <source>Reveal a coder&apos;s work</source>
        <translation>نشان دادن کار یک کدگذار</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>تنها %1</translation>
    </message>
    <message>
        <source>Coding is blind by default. The work is shown read-only in the viewer&apos;s next coding package.</source>
        <translation>کدگذاری به‌طور پیش‌فرض ناآگاهانه (کور) است. این کار در بستهٔ کدگذاری بعدی بیننده، فقط‌خواندنی نشان داده می‌شود.</translation>
    </message>
    <message>
        <source>Show to</source>
        <translation>نشان دادن به</translation>
    </message>
    <message>
        <source>The work of</source>
        <translation>کار</translation>
    </message>
</context>
<context>
    <name>sb::gui::TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>خط زمان</translation>
    </message>
    <message>
        <source>The session&apos;s annotations over time, one row per track, with the playhead</source>
        <translation>رویدادهای کدگذاری‌شدهٔ جلسه در طول زمان، هر ردیف یک مسیر، همراه نشانگر پخش</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>کوچک‌نمایی</translation>
    </message>
    <message>
        <source>Zoom to Whole Session</source>
        <translation>نمایش کل جلسه</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>بخش‌ها</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>صدا</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 تا %2</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>در %1</translation>
    </message>
    <message>
        <source>coded by %1</source>
        <translation>کدگذاری‌شده به دست %1</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>فقط‌خواندنی</translation>
    </message>
</context>
<context>
    <name>sb::gui::VideoView</name>
    <message>
        <source>Video</source>
        <translation>ویدئو</translation>
    </message>
    <message>
        <source>frame %1  ·  %2</source>
        <translation>فریم %1  ·  %2</translation>
    </message>
</context>
<context>
    <name>sb::gui::VisionTools</name>
    <message>
        <source>Next &amp;peak above the threshold</source>
        <translation>&amp;اوج بعدی بالاتر از آستانه</translation>
    </message>
    <message>
        <source>Previous p&amp;eak above the threshold</source>
        <translation>اوج &amp;قبلی بالاتر از آستانه</translation>
    </message>
    <message>
        <source>Draw &amp;analysis region</source>
        <translation>کشیدن ناحیهٔ &amp;تحلیل</translation>
    </message>
    <message>
        <source>Draw &amp;blur rectangle</source>
        <translation>کشیدن مستطیل &amp;محو</translation>
    </message>
    <message>
        <source>Draw blur &amp;ellipse</source>
        <translation>کشیدن &amp;بیضی محو</translation>
    </message>
    <message>
        <source>Show &amp;regions on the video</source>
        <translation>نمایش &amp;ناحیه‌ها روی ویدئو</translation>
    </message>
    <message>
        <source>E&amp;xport clip…</source>
        <translation>&amp;خروجی گرفتن کلیپ…</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;تحلیل</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>نامزدها</translation>
    </message>
    <message>
        <source>No peak above the threshold after this frame.</source>
        <translation>پس از این فریم اوجی بالاتر از آستانه نیست.</translation>
    </message>
    <message>
        <source>The motion and sound tracks are not ready yet.</source>
        <translation>مسیرهای حرکت و صدا هنوز آماده نیستند.</translation>
    </message>
    <message>
        <source>No peak above the threshold before this frame.</source>
        <translation>پیش از این فریم اوجی بالاتر از آستانه نیست.</translation>
    </message>
    <message>
        <source>This session has no video to export.</source>
        <translation>این جلسه ویدئویی برای خروجی گرفتن ندارد.</translation>
    </message>
</context>
</TS>
