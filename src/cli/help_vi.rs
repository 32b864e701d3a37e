//! The Vietnamese help: one catalogue of texts, keyed by command path and argument id, laid over
//! the clap command whose doc comments are the English help. A test walks the whole command
//! tree and fails when a command, argument or possible value has no Vietnamese text here, or
//! when an entry here names something that no longer exists.
//!
//! The examples of each command's `after_help` are taken from the English text (they are
//! commands, the same in both languages); the catalogue gives the prose before them.

use std::fmt::Write as _;

use clap::builder::StyledStr;
use clap::{Arg, Command};

/// Each command: its path (`""` for `ntm` itself, `"criteria show"`), what it does, and the
/// prose of its `after_help` before the examples (`""` when there is none).
pub(super) const COMMANDS: &[(&str, &str, &str)] = &[
    (
        "",
        "Chấm điểm các xã theo Bộ tiêu chí quốc gia về xã nông thôn mới.",
        "Mã thoát: 0 thành công; 1 progress --check thấy có mục tiêu chưa đạt; 2 lỗi cách dùng \
         hoặc lỗi dữ liệu đầu vào (mọi lỗi được liệt kê trên stderr kèm tệp, dòng, cột và giá trị).",
    ),
    (
        "score",
        "Chấm điểm từng xã trong tệp khảo sát: số tiêu chí đạt, nhóm, mức đạt chuẩn, và các tiêu \
         chí chưa đạt, cơ bản đạt hoặc chưa đánh giá.",
        "Tệp khảo sát CSV có mỗi xã một dòng: commune_id (bắt buộc, không trùng), commune, \
         district, province, cột phân loại của bộ tiêu chí (region cho 2016–2025, group cho \
         2026–2030), year, hamlets, hamlets_standard, mỗi chỉ tiêu một cột đặt tên theo mã của nó \
         (2.1, 10, 17.8), và/hoặc mỗi tiêu chí một cột kết quả (TC1 … TC19; NC, KM, HD cho các mức \
         cao hơn) ghi Đạt / Không đạt / Cơ bản đạt. Ô trống là chưa đánh giá.",
    ),
    (
        "gaps",
        "Với mỗi xã chưa ở mức cao nhất, những gì còn thiếu để lên mức tiếp theo, thiếu nhiều \
         nhất trước: các tiêu chí chưa đạt, và khi có số liệu chỉ tiêu, từng chỉ tiêu chưa đạt \
         với giá trị, ngưỡng và phần còn thiếu.",
        "Các phần thiếu được xếp nặng nhất trước: chỉ tiêu chưa đạt có phần thiếu lớn nhất so với \
         ngưỡng, rồi các tiêu chí chưa đạt khác, rồi tiêu chí cơ bản đạt, rồi tiêu chí chưa đánh \
         giá. CSV có mỗi phần thiếu một dòng; JSON mỗi xã một đối tượng kèm danh sách phần thiếu.",
    ),
    (
        "progress",
        "Tiến độ so với mục tiêu: số xã theo mức đạt chuẩn và theo nhóm, số tiêu chí bình quân và \
         tỷ lệ thôn đạt chuẩn của tỉnh và từng huyện; mỗi mục tiêu kèm phần còn phải làm; các tiêu \
         chí đang níu chân các xã, kèm sở ngành phụ trách; các xã gần lên mức tiếp theo nhất.",
        "Phần còn thiếu được đếm theo đơn vị dùng khi lập kế hoạch: số xã với mục tiêu số xã; số \
         xã còn dưới mức tối thiểu với min_criteria_per_commune (khi đó thực tế là số tiêu chí \
         thấp nhất tìm thấy); số thôn còn phải công nhận với hamlet_standard_share; số tiêu chí \
         còn phải đạt thêm với average_criteria. Mục tiêu còn bỏ ngỏ vì số liệu chưa đánh giá \
         được báo như vậy (met: null).\n\
         \n\
         Mã thoát khi có --check: 0 khi mọi mục tiêu đều đạt, 1 khi có mục tiêu chưa đạt hoặc còn \
         bỏ ngỏ, 2 khi có lỗi.",
    ),
    (
        "trend",
        "Tiến độ theo thời gian, từ một tệp nhiều kỳ hoặc mỗi kỳ một tệp: với mỗi kỳ, số xã theo \
         mức đạt chuẩn và theo nhóm, số tiêu chí bình quân, tỷ lệ thôn đạt chuẩn và số thực tế của \
         từng mục tiêu; với --targets, tỉnh có kịp tiến độ không (nhịp cần đạt mỗi kỳ còn lại so \
         với nhịp đã đạt); và mọi xã bị mất một tiêu chí hoặc tụt mức từ kỳ này sang kỳ sau.",
        "Kỳ được lấy từ cột kỳ của các dòng (Kỳ: 2025-10, 10/2025, 2025; hoặc Năm và Tháng), hoặc, \
         với tệp không có cột đó, từ --period (mỗi tệp như vậy một lần, theo thứ tự) hoặc, khi \
         không có --period, từ tên tệp (thang-10-2025.xlsx, 2025-10.csv; thang-10.xlsx với --year \
         2025). Các tệp có thể theo thứ tự bất kỳ; một tệp nêu hai lần chỉ được đọc một lần, và \
         một kỳ có trong hai tệp là lỗi. Hạn của các mục tiêu là cuối năm của chúng (tháng 12 với \
         kỳ theo tháng); nhịp đã đạt là phần tăng thêm mỗi kỳ từ kỳ đầu đến kỳ gần nhất.",
    ),
    (
        "profile",
        "Cái nhìn đầu tiên vào tệp của tháng mới: với mỗi cột mà bộ tiêu chí dùng để đánh giá xã, \
         bao nhiêu ô ghi đạt, cơ bản đạt, không đạt hoặc để trống, và với các chỉ tiêu đo bằng số \
         thì giá trị nhỏ nhất, lớn nhất và trung bình.",
        "Các dòng không đọc được được đếm riêng và không tính vào số liệu; `ntm validate` liệt kê \
         lỗi của chúng.",
    ),
    (
        "diff",
        "Những gì thay đổi từ lần khảo sát trước: các xã lên hoặc tụt mức, được thêm hoặc mất \
         tiêu chí, mới xuất hiện hoặc không còn, và số tổng của tỉnh. Các xã mất tiêu chí hoặc \
         tụt mức được liệt kê trước.",
        "Các xã được ghép theo commune_id; cả hai tệp được chấm theo cùng một bộ tiêu chí. JSON là \
         một đối tượng {totals, communes}; NDJSON và CSV có mỗi xã thay đổi một bản ghi.\n\
         \n\
         Mã thoát khi có --check: 1 khi có xã tụt mức hoặc mất tiêu chí.",
    ),
    (
        "validate",
        "Kiểm tra tệp khảo sát theo một bộ tiêu chí mà không chấm điểm: cột không nhận ra (kèm \
         gợi ý \"có phải ý bạn là\"), cột còn thiếu, mã xã bị trùng, giá trị không đọc được hoặc \
         ngoài khoảng cho phép, vùng hoặc nhóm không nhận ra — mỗi lỗi kèm một mã cố định \
         (not-a-number, duplicate-id …). Mã thoát 2 khi có lỗi.",
        "Các mã, ý nghĩa và cách sửa từng mã, cùng các trường và lược đồ của báo cáo JSON: \
         docs/validate.md và docs/validate.schema.json. Cùng các mã đó mở đầu thông báo của score \
         và các lệnh khác (error[not-a-number]: …).",
    ),
    (
        "template",
        "Tệp khảo sát trống với các cột mà bộ tiêu chí cần và, phía trên dòng tiêu đề (CSV) hoặc ở \
         trang tính thứ hai (-o template.xlsx), hướng dẫn điền từng cột — dành cho người thu thập \
         số liệu.",
        "",
    ),
    (
        "report",
        "Báo cáo tháng trong một tài liệu — HTML, Markdown hoặc sổ tính Excel — mặc định bằng \
         tiếng Việt: các số liệu chính so với mục tiêu, biểu đồ theo nhóm và theo mức đạt chuẩn \
         của từng huyện, các tiêu chí đang níu chân kèm sở ngành phụ trách, các xã gần lên mức \
         tiếp theo nhất, những gì thay đổi từ lần khảo sát trước, và mọi xã trong phụ lục.",
        "Định dạng theo đuôi tệp của -o (.html, .md, .xlsx, .pdf) trừ khi --format nêu rõ. HTML là \
         một tệp tự đủ (không có script, không cần mạng), in được và đọc được trên điện thoại. PDF \
         là bản HTML đó in trên khổ A4 bằng Chromium, Google Chrome hoặc Microsoft Edge (tìm trong \
         PATH, hoặc theo biến NTM_BROWSER); nếu không có trình duyệt nào, không tệp nào được ghi và \
         thông báo lỗi chỉ cách in từ bản HTML.",
    ),
    ("criteria", "Liệt kê và xem các bộ tiêu chí.", ""),
    (
        "criteria list",
        "Liệt kê các bộ tiêu chí tích hợp sẵn: mã, tên, căn cứ pháp lý, giai đoạn, còn hiệu lực \
         hay không.",
        "",
    ),
    (
        "criteria show",
        "Xem một bộ tiêu chí: các tiêu chí, chỉ tiêu, ngưỡng theo vùng và theo năm, sở ngành phụ \
         trách, nguồn, và mọi giá trị chưa được đối chiếu với văn bản pháp lý. `--format yaml` \
         ghi nó ra thành tệp tiêu chí, làm điểm xuất phát cho bộ tiêu chí của tỉnh.",
        "",
    ),
    (
        "criteria check",
        "Kiểm tra một tệp tiêu chí: mọi lỗi kèm dòng của nó; mã thoát 2 khi có lỗi.",
        "",
    ),
    (
        "criteria todo",
        "Những gì tỉnh phải điền: một lớp phủ lên bộ tiêu chí liệt kê mọi giá trị chưa biết (`~`), \
         mỗi giá trị kèm quyết định, phụ lục và chỉ tiêu để tra. Điền số liệu và nguồn, rồi \
         `criteria check` nó và chấm điểm với `--criteria`.",
        "",
    ),
    (
        "criteria diff",
        "Những gì thay đổi từ bộ A sang bộ B: tiêu chí và chỉ tiêu được thêm, bỏ, đánh số lại, \
         sửa lời, và các ngưỡng thay đổi.",
        "",
    ),
    (
        "completions",
        "In ra đầu ra chuẩn đoạn mã tự hoàn thành lệnh cho shell.",
        "",
    ),
    (
        "man",
        "In ra đầu ra chuẩn trang hướng dẫn (roff, bằng tiếng Anh).",
        "",
    ),
];

/// Each argument: the path of its command, or `*` for every command without its own entry (a
/// global argument takes the entry of `ntm` itself); its id; its help.
pub(super) const ARGS: &[(&str, &str, &str)] = &[
    (
        "",
        "lang",
        "Ngôn ngữ của trợ giúp, thông báo và nhãn trong bảng và báo cáo (tên tiêu chí, tiêu đề \
         cột) [mặc định: biến môi trường `NTM_LANG`, nếu không có thì `lang` trong ntm.toml, nếu \
         không có thì vi].",
    ),
    (
        "",
        "config",
        "Tệp thiết lập mặc định [mặc định: ntm.toml trong thư mục làm việc, nếu có].",
    ),
    (
        "",
        "color",
        "Khi nào tô màu `error:` và `warning:` trên đầu ra lỗi chuẩn; `auto` là tô màu khi ra \
         màn hình, trừ khi có đặt `NO_COLOR`.",
    ),
    (
        "",
        "quiet",
        "Im lặng: chỉ báo lỗi, không cảnh báo và không hiện tiến trình.",
    ),
    (
        "",
        "verbose",
        "Chi tiết: mọi cảnh báo theo dòng, kể cả những cảnh báo lặp lại vốn bị giới hạn.",
    ),
    (
        "*",
        "input",
        "Tệp khảo sát CSV, hoặc - để đọc từ đầu vào chuẩn.",
    ),
    (
        "validate",
        "input",
        "Tệp khảo sát: CSV, hoặc sổ tính (.xlsx, .xls, .ods); - để đọc từ đầu vào chuẩn.",
    ),
    (
        "profile",
        "input",
        "Tệp khảo sát: CSV, hoặc sổ tính (.xlsx, .xls, .ods); - để đọc từ đầu vào chuẩn.",
    ),
    (
        "report",
        "input",
        "Tệp khảo sát của kỳ này (CSV), hoặc - để đọc từ đầu vào chuẩn.",
    ),
    (
        "*",
        "criteria",
        "Bộ tiêu chí: mã bộ tích hợp sẵn hoặc tệp YAML [mặc định: bộ của năm mà các dòng ghi, \
         nếu không có thì bộ mới nhất đang có hiệu lực].",
    ),
    (
        "score",
        "criteria",
        "Bộ tiêu chí: mã bộ tích hợp sẵn (xem `ntm criteria list`) hoặc tệp YAML [mặc định: bộ \
         của năm mà các dòng ghi, nếu không có thì bộ mới nhất đang có hiệu lực, \
         vn-commune-2026-2030 từ 15/02/2026].",
    ),
    (
        "gaps",
        "criteria",
        "Bộ tiêu chí: mã bộ tích hợp sẵn (xem `ntm criteria list`) hoặc tệp YAML [mặc định: bộ \
         của năm mà các dòng ghi, nếu không có thì bộ mới nhất đang có hiệu lực, \
         vn-commune-2026-2030 từ 15/02/2026].",
    ),
    (
        "template",
        "criteria",
        "Bộ tiêu chí: mã bộ tích hợp sẵn hoặc tệp YAML [mặc định: bộ mới nhất đang có hiệu lực].",
    ),
    (
        "diff",
        "criteria",
        "Bộ tiêu chí cho cả hai tệp: mã bộ tích hợp sẵn hoặc tệp YAML [mặc định: bộ mới nhất \
         đang có hiệu lực].",
    ),
    ("*", "format", "Định dạng đầu ra."),
    (
        "score",
        "format",
        "Định dạng đầu ra [mặc định: bảng khi ra màn hình, nếu không thì theo đuôi tệp của -o, \
         nếu không nữa thì csv].",
    ),
    (
        "gaps",
        "format",
        "Định dạng đầu ra [mặc định: bảng khi ra màn hình, nếu không thì theo đuôi tệp của -o, \
         nếu không nữa thì csv].",
    ),
    (
        "diff",
        "format",
        "Định dạng đầu ra [mặc định: bảng khi ra màn hình, nếu không thì theo đuôi tệp của -o, \
         nếu không nữa thì csv].",
    ),
    (
        "profile",
        "format",
        "Định dạng đầu ra [mặc định: bảng khi ra màn hình, nếu không thì theo đuôi tệp của -o, \
         nếu không nữa thì csv].",
    ),
    (
        "trend",
        "format",
        "Định dạng đầu ra [mặc định: bảng khi ra màn hình, nếu không thì theo đuôi tệp của -o, \
         nếu không nữa thì json].",
    ),
    (
        "progress",
        "format",
        "Định dạng đầu ra [mặc định: bảng khi ra màn hình, nếu không thì json].",
    ),
    (
        "report",
        "format",
        "Định dạng tài liệu [mặc định: theo đuôi tệp của -o, nếu không thì html].",
    ),
    (
        "validate",
        "format",
        "Định dạng đầu ra: bảng cho người đọc, hoặc báo cáo dạng JSON (docs/validate.md).",
    ),
    (
        "*",
        "output",
        "Ghi vào tệp FILE thay vì đầu ra chuẩn; tệp hoặc được ghi trọn vẹn hoặc không được tạo.",
    ),
    (
        "template",
        "output",
        "Ghi vào tệp FILE (.csv hoặc .xlsx) thay vì đầu ra chuẩn.",
    ),
    (
        "report",
        "output",
        "Ghi vào tệp FILE; tệp hoặc được ghi trọn vẹn hoặc không được tạo [mặc định: đầu ra \
         chuẩn].",
    ),
    (
        "*",
        "raw",
        "Ghi chữ trong CSV đúng như gốc: không thêm dấu ' trước những ô chữ mà bảng tính sẽ chạy \
         như công thức (=, +, -, @).",
    ),
    (
        "diff",
        "raw",
        "Ghi chữ trong CSV đúng như gốc, không vô hiệu hóa công thức.",
    ),
    (
        "*",
        "bom",
        "Mở đầu đầu ra CSV bằng dấu thứ tự byte UTF-8, để Excel trên Windows mở tệp mà không hỏng \
         chữ tiếng Việt.",
    ),
    (
        "diff",
        "bom",
        "Mở đầu đầu ra CSV bằng dấu thứ tự byte UTF-8 (cho Excel trên Windows).",
    ),
    (
        "*",
        "year",
        "Năm đánh giá, cho các dòng không có cột `year` (ngưỡng thu nhập khác nhau theo năm).",
    ),
    (
        "*",
        "encoding",
        "Bảng mã chữ của tệp CSV [mặc định: UTF-8, hoặc UTF-16 khi tệp bắt đầu bằng dấu thứ tự \
         byte].",
    ),
    (
        "*",
        "delimiter",
        "Ký tự phân cách của CSV: một ký tự, hoặc `tab` [mặc định: đoán từ dòng tiêu đề: dấu \
         phẩy, dấu chấm phẩy hoặc tab].",
    ),
    (
        "*",
        "sheet",
        "Trang tính của sổ tính (.xlsx, .xls, .ods) [mặc định: trang đầu tiên].",
    ),
    (
        "*",
        "header_row",
        "Dòng (CSV) hoặc hàng (sổ tính) chứa tiêu đề cột, tính từ 1 [mặc định: hàng đầu tiên có \
         cột mã xã, bên dưới mọi khối tiêu đề].",
    ),
    (
        "progress",
        "targets",
        "Tệp mục tiêu YAML: mục tiêu của tỉnh và của các huyện.",
    ),
    (
        "trend",
        "targets",
        "Tệp mục tiêu YAML: tỉnh có kịp tiến độ để đạt chúng không.",
    ),
    ("report", "targets", "Tệp mục tiêu YAML."),
    (
        "*",
        "by",
        "Nhóm các bảng theo đơn vị bằng cột COLUMN của tệp khảo sát, gọi theo tiêu đề tiếng Anh \
         hoặc tiếng Việt (vung, \"Khu vực\"); district để theo huyện, province để lấy cả tỉnh \
         [mặc định: district khi tệp khảo sát có ghi huyện, trừ khi là tệp của năm 2026 trở \
         về sau].",
    ),
    (
        "trend",
        "by",
        "Cho thêm số liệu từng kỳ theo mỗi đơn vị của cột COLUMN trong tệp khảo sát, gọi theo \
         tiêu đề tiếng Anh hoặc tiếng Việt (vung, \"Khu vực\"), hoặc district [mặc định: chỉ cả \
         tỉnh].",
    ),
    (
        "progress",
        "check",
        "Thoát với mã 1 khi có mục tiêu chưa đạt.",
    ),
    (
        "diff",
        "check",
        "Thoát với mã 1 khi có xã tụt mức hoặc mất tiêu chí.",
    ),
    (
        "progress",
        "period",
        "Kỳ cần báo cáo của một tệp nhiều kỳ, 2025-10 hoặc 2025 [mặc định: kỳ gần nhất].",
    ),
    (
        "report",
        "period",
        "Kỳ báo cáo, 2025-10 hoặc 2025: với tệp nhiều kỳ, kỳ cần báo cáo [mặc định: kỳ gần \
         nhất]; với tệp không có cột kỳ, kỳ của tệp đó [mặc định: kỳ mà tên tệp cho biết, khi có \
         --history].",
    ),
    (
        "trend",
        "periods",
        "Kỳ của một tệp không có cột kỳ, 2025-10 hoặc 2025; mỗi tệp như vậy một lần, theo thứ tự.",
    ),
    (
        "trend",
        "inputs",
        "Các tệp khảo sát: một tệp nhiều kỳ, hoặc mỗi kỳ một tệp (CSV hoặc sổ tính).",
    ),
    (
        "trend",
        "map",
        "Bảng sáp nhập và đổi tên, CSV có các cột `old_id,new_id`, để theo dõi các xã qua một lần \
         sắp xếp lại.",
    ),
    (
        "diff",
        "map",
        "Bảng sáp nhập và đổi tên, CSV có các cột `old_id,new_id` (nhiều cũ thành một mới), để \
         theo dõi các xã qua một lần sắp xếp lại.",
    ),
    ("diff", "old", "Tệp khảo sát của kỳ trước (CSV)."),
    (
        "diff",
        "new",
        "Tệp khảo sát của kỳ này (CSV), hoặc - để đọc từ đầu vào chuẩn.",
    ),
    (
        "validate",
        "pick",
        "Chỉ báo các lỗi thuộc những loại này (lặp lại được, hoặc CODE,CODE).",
    ),
    (
        "validate",
        "skip",
        "Không báo các lỗi thuộc những loại này (lặp lại được, hoặc CODE,CODE).",
    ),
    (
        "report",
        "previous",
        "Tệp khảo sát của kỳ trước, để báo cáo những gì thay đổi.",
    ),
    (
        "report",
        "history",
        "Tệp khảo sát của các kỳ trước, cho phần diễn biến: tệp nhiều kỳ, hoặc mỗi kỳ một tệp, kỳ \
         lấy từ cột Kỳ của tệp hoặc từ tên tệp (thang-11-2025.xlsx; thang-11.xlsx với --year). \
         Tệp đang báo cáo có thể nằm trong số đó; diễn biến kết thúc ở kỳ của nó.",
    ),
    (
        "report",
        "date",
        "Ngày của báo cáo, YYYY-MM-DD [mặc định: hôm nay].",
    ),
    (
        "criteria show",
        "set",
        "Mã bộ tích hợp sẵn hoặc tệp YAML [mặc định: bộ mặc định].",
    ),
    (
        "criteria check",
        "file",
        "Tệp YAML (hoặc mã bộ tích hợp sẵn).",
    ),
    ("criteria todo", "set", "Mã bộ tích hợp sẵn hoặc tệp YAML."),
    (
        "criteria diff",
        "a",
        "Bộ cũ hơn: mã bộ tích hợp sẵn hoặc tệp YAML.",
    ),
    (
        "criteria diff",
        "b",
        "Bộ mới hơn: mã bộ tích hợp sẵn hoặc tệp YAML.",
    ),
    ("completions", "shell", "Loại shell."),
    (
        "man",
        "subcommand",
        "Một lệnh con, để lấy trang riêng của nó (ntm-score(1) và các trang khác).",
    ),
];

/// Each possible value shown with a help: the path of its command or `*`, the argument's id,
/// the value, its help.
pub(super) const VALUES: &[(&str, &str, &str, &str)] = &[
    ("", "lang", "vi", "Tiếng Việt."),
    ("", "lang", "en", "Tiếng Anh (English)."),
    ("", "color", "never", "Không bao giờ tô màu."),
    (
        "",
        "color",
        "auto",
        "Tô màu khi ra màn hình, trừ khi có đặt `NO_COLOR`.",
    ),
    ("", "color", "always", "Luôn tô màu."),
    ("*", "encoding", "utf-8", "UTF-8."),
    (
        "*",
        "encoding",
        "utf-16",
        "UTF-16, little-endian (dạng Excel lưu khi chọn Unicode text).",
    ),
    ("*", "encoding", "utf-16le", "UTF-16, little-endian."),
    ("*", "encoding", "utf-16be", "UTF-16, big-endian."),
    (
        "*",
        "encoding",
        "windows-1258",
        "Windows-1258, bảng mã tiếng Việt cũ.",
    ),
    (
        "*",
        "encoding",
        "cp1258",
        "Windows-1258, theo tên gọi khác.",
    ),
    ("*", "format", "table", "Bảng cho người đọc."),
    ("*", "format", "json", "JSON."),
    ("*", "format", "markdown", "Markdown, cho wiki và văn bản."),
    (
        "*",
        "format",
        "yaml",
        "YAML của tệp tiêu chí: điểm xuất phát cho bộ tiêu chí của tỉnh.",
    ),
    ("*", "format", "html", "Một tệp HTML tự đủ."),
    ("*", "format", "xlsx", "Một sổ tính Excel."),
    ("*", "format", "csv", "CSV, mỗi kỳ một dòng."),
    (
        "*",
        "format",
        "pdf",
        "Một tệp PDF khổ A4, in bằng Chromium, Chrome hoặc Edge.",
    ),
    ("score", "format", "table", "Một bảng cho người đọc."),
    ("score", "format", "csv", "CSV, danh sách nối bằng `;`."),
    ("score", "format", "json", "Một mảng JSON."),
    ("score", "format", "ndjson", "Mỗi dòng một đối tượng JSON."),
    (
        "score",
        "format",
        "xlsx",
        "Một sổ tính Excel (với -o FILE.xlsx).",
    ),
    ("gaps", "format", "table", "Một bảng cho người đọc."),
    ("gaps", "format", "csv", "CSV, danh sách nối bằng `;`."),
    ("gaps", "format", "json", "Một mảng JSON."),
    ("gaps", "format", "ndjson", "Mỗi dòng một đối tượng JSON."),
    (
        "gaps",
        "format",
        "xlsx",
        "Một sổ tính Excel (với -o FILE.xlsx).",
    ),
    ("diff", "format", "table", "Một bảng cho người đọc."),
    ("diff", "format", "csv", "CSV, danh sách nối bằng `;`."),
    ("diff", "format", "json", "Một mảng JSON."),
    ("diff", "format", "ndjson", "Mỗi dòng một đối tượng JSON."),
    (
        "diff",
        "format",
        "xlsx",
        "Một sổ tính Excel (với -o FILE.xlsx).",
    ),
];

/// The headings of groups of arguments.
pub(super) const HEADINGS: &[(&str, &str)] = &[("Reading the survey", "Đọc tệp khảo sát")];

/// clap's own words.
const USAGE: &str = "Cách dùng:";
const COMMANDS_HEADING: &str = "Lệnh";
const ARGUMENTS_HEADING: &str = "Đối số";
const OPTIONS_HEADING: &str = "Tùy chọn";
const DEFAULT: &str = "mặc định";
const VALUES_SHORT: &str = "giá trị";
const VALUES_LONG: &str = "Các giá trị:";
const EXAMPLES: [(&str, &str); 2] = [
    ("Examples:", "Ví dụ:"),
    ("Install (one of):", "Cài đặt (chọn một trong các cách):"),
];
const HELP: &str = "In trợ giúp";
const HELP_SHORT: &str = "In trợ giúp (xem đầy đủ với '--help')";
const HELP_LONG: &str = "In trợ giúp (xem bản tóm tắt với '-h')";
const VERSION: &str = "In phiên bản";
const HELP_COMMAND: &str = "In trợ giúp này hoặc trợ giúp của (các) lệnh con đã nêu";
const HELP_COMMAND_ARG: &str = "In trợ giúp của (các) lệnh con";

/// The text of the command at `path`.
pub(super) fn command_texts(path: &str) -> Option<(&'static str, &'static str)> {
    COMMANDS
        .iter()
        .find(|(p, ..)| *p == path)
        .map(|&(_, about, after)| (about, after))
}

/// The entry of argument `id` of the command at `path` in [`ARGS`]: its own, else the `*` one,
/// else (for a global argument) the one of `ntm` itself.
fn arg_entry(path: &str, id: &str, global: bool) -> Option<usize> {
    let find = |p: &str| ARGS.iter().position(|(ap, aid, _)| *ap == p && *aid == id);
    find(path)
        .or_else(|| find("*"))
        .or_else(|| global.then(|| find("")).flatten())
}

/// The help of argument `id` of the command at `path` (see [`arg_entry`]).
pub(super) fn arg_help(path: &str, id: &str, global: bool) -> Option<&'static str> {
    arg_entry(path, id, global).map(|i| ARGS[i].2)
}

/// The entry of possible value `value` of argument `id` at `path` in [`VALUES`], found as
/// [`arg_entry`] finds an argument's.
fn value_entry(path: &str, id: &str, value: &str, global: bool) -> Option<usize> {
    let find = |p: &str| {
        VALUES
            .iter()
            .position(|(vp, vid, v, _)| *vp == p && *vid == id && *v == value)
    };
    find(path)
        .or_else(|| find("*"))
        .or_else(|| global.then(|| find("")).flatten())
}

/// The help of possible value `value` of argument `id` at `path` (see [`value_entry`]).
pub(super) fn value_help(path: &str, id: &str, value: &str, global: bool) -> Option<&'static str> {
    value_entry(path, id, value, global).map(|i| VALUES[i].3)
}

/// The Vietnamese of an argument heading.
pub(super) fn heading(english: &str) -> Option<&'static str> {
    HEADINGS
        .iter()
        .find(|(en, _)| *en == english)
        .map(|&(_, vi)| vi)
}

/// The English `after_help` split into its prose and the examples: the heading line
/// (`Examples:`) and the lines after it.
pub(super) fn split_after_help(text: &str) -> (&str, Option<(&'static str, &str)>) {
    for (heading, vi) in EXAMPLES {
        if let Some(at) = text.find(heading) {
            let examples = &text[at + heading.len()..];
            return (text[..at].trim_end(), Some((vi, examples)));
        }
    }
    (text.trim_end(), None)
}

/// `command` (the English one) with its help in Vietnamese: positional arguments first, then
/// the other arguments without a heading, then those with one, so that clap lists the headings
/// in the order it lists its own; then built, and every text laid over.
pub(super) fn translate(command: Command) -> Command {
    let mut command = with_headings(command, "");
    command.build();
    lay_over(command, "")
}

/// Before building: every argument under a heading, in clap's order of headings, so that
/// global arguments carry theirs into the subcommands.
fn with_headings(mut command: Command, path: &str) -> Command {
    let ids = |filter: &dyn Fn(&Arg) -> bool| -> Vec<String> {
        command
            .get_arguments()
            .filter(|a| filter(a))
            .map(|a| a.get_id().to_string())
            .collect()
    };
    let positionals = ids(&|a: &Arg| a.is_positional());
    let plain = ids(&|a: &Arg| !a.is_positional() && a.get_help_heading().is_none());
    let headed = ids(&|a: &Arg| !a.is_positional() && a.get_help_heading().is_some());
    for id in positionals.iter().chain(&plain).chain(&headed) {
        command = command.mut_arg(id, |arg| {
            let heading = match arg.get_help_heading() {
                Some(english) => heading(english).unwrap_or(english).to_owned(),
                None if arg.is_positional() => ARGUMENTS_HEADING.to_owned(),
                None => OPTIONS_HEADING.to_owned(),
            };
            arg.help_heading(heading)
        });
    }
    command.mut_subcommands(|sub| {
        let path = child(path, sub.get_name());
        with_headings(sub, &path)
    })
}

/// The path of subcommand `name` of the command at `path`.
pub(super) fn child(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path} {name}")
    }
}

/// After building: the texts of the command at `path` and of everything under it, in place
/// (the arguments are not moved, so that the built command still finds them).
fn lay_over(command: Command, path: &str) -> Command {
    let usage = command.get_styles().get_usage();
    let template = StyledStr::from(format!(
        "{{before-help}}{{about-with-newline}}\n{}{USAGE}{} {{usage}}\n\n{{all-args}}{{after-help}}",
        usage.render(),
        usage.render_reset()
    ));
    let mut command = command
        .help_template(template)
        .subcommand_help_heading(COMMANDS_HEADING);
    if let Some(own) = under_help(path) {
        // clap's `help` subcommand, and the copies of the commands it makes for completion
        let about = if path.ends_with("help") {
            Some(HELP_COMMAND)
        } else {
            command_texts(&own).map(|(about, _)| about)
        };
        if let Some(about) = about {
            command = command.about(sentence(about));
        }
    } else if let Some((about, prose)) = command_texts(path) {
        command = command.about(sentence(about));
        if let Some(english) = command.get_after_help().map(ToString::to_string) {
            command = command.after_help(after_help(prose, &english));
        }
    }
    let command = command.mut_args(|arg| lay_over_arg(arg, path));
    command.mut_subcommands(|sub| {
        let path = child(path, sub.get_name());
        lay_over(sub, &path)
    })
}

/// For the `help` subcommand clap adds (at any level) and the copies of commands under it, the
/// path of the command it stands for.
fn under_help(path: &str) -> Option<String> {
    let words: Vec<&str> = path.split(' ').collect();
    let at = words.iter().position(|w| *w == "help")?;
    let own: Vec<&str> = words[..at]
        .iter()
        .chain(&words[at + 1..])
        .copied()
        .collect();
    Some(own.join(" "))
}

/// The Vietnamese `after_help`: the prose, then the English examples under a Vietnamese
/// heading.
fn after_help(prose: &str, english: &str) -> String {
    let (_, examples) = split_after_help(english);
    let mut text = prose.to_owned();
    if let Some((heading, lines)) = examples {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(heading);
        text.push_str(lines);
    }
    text
}

/// One argument's help in Vietnamese, with the default and the possible values clap would add
/// written in Vietnamese too.
fn lay_over_arg(arg: Arg, path: &str) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    let arg = if arg.get_help_heading().is_none() {
        let heading = if arg.is_positional() {
            ARGUMENTS_HEADING
        } else {
            OPTIONS_HEADING
        };
        arg.help_heading(heading)
    } else {
        arg
    };
    let global = arg.is_global_set();
    let text = match id.as_str() {
        "subcommand" if path.ends_with("help") => HELP_COMMAND_ARG,
        "help" if arg.get_long_help().is_some() => {
            return arg.help(HELP_SHORT).long_help(HELP_LONG);
        }
        "help" => HELP,
        "version" => VERSION,
        _ => {
            // the copies of the commands that clap makes under `help` take their own texts
            let own = under_help(path).unwrap_or_else(|| path.to_owned());
            match arg_help(&own, &id, global) {
                Some(text) => text,
                None => return arg,
            }
        }
    };
    let text = sentence(text);
    let mut short = text.to_owned();
    let mut long = text.to_owned();
    let mut specs = Vec::new();
    if arg.get_action().takes_values() && !arg.is_hide_default_value_set() {
        let defaults: Vec<_> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            specs.push(format!("[{DEFAULT}: {}]", defaults.join(" ")));
        }
    }
    let values: Vec<_> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    };
    let names: Vec<_> = values.iter().map(|v| v.get_name().to_owned()).collect();
    let listed = values.iter().any(|v| v.get_help().is_some());
    if !values.is_empty() && !listed {
        specs.push(format!("[{VALUES_SHORT}: {}]", names.join(", ")));
    }
    for spec in &specs {
        short.push(' ');
        short.push_str(spec);
    }
    if listed {
        let _ = write!(short, " [{VALUES_SHORT}: {}]", names.join(", "));
        long.push_str("\n\n");
        long.push_str(VALUES_LONG);
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        for value in &values {
            let name = value.get_name();
            let own = under_help(path).unwrap_or_else(|| path.to_owned());
            let help = value_help(&own, &id, name, global)
                .map(str::to_owned)
                .or_else(|| value.get_help().map(ToString::to_string))
                .unwrap_or_default();
            let pad = width - name.chars().count();
            let _ = write!(long, "\n- {name}: {:pad$}{}", "", sentence(&help));
        }
    }
    if !specs.is_empty() {
        long.push_str("\n\n");
        long.push_str(&specs.join("\n"));
    }
    arg.help(short)
        .long_help(long)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// A one-line text as clap's derive writes doc comments: without the final period.
fn sentence(text: &str) -> &str {
    text.strip_suffix('.').unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    /// Every command, argument, possible value and heading of the English command line has its
    /// Vietnamese here, and every entry here is used.
    #[test]
    fn every_text_has_its_vietnamese_and_every_entry_is_used() {
        fn walk(
            command: &Command,
            path: &str,
            missing: &mut Vec<String>,
            used: &mut BTreeSet<(char, usize)>,
        ) {
            match COMMANDS.iter().position(|(p, ..)| *p == path) {
                None => missing.push(format!("command {path:?}")),
                Some(i) => {
                    used.insert(('c', i));
                    let english = command.get_after_help().map(ToString::to_string);
                    let (prose, _) = split_after_help(english.as_deref().unwrap_or(""));
                    if prose.is_empty() != COMMANDS[i].2.is_empty() {
                        missing.push(format!(
                            "after_help of {path:?}: prose in one language only"
                        ));
                    }
                }
            }
            if command.get_long_about().is_some() {
                missing.push(format!("long_about of {path:?}: the catalogue has none"));
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                let global = arg.is_global_set();
                if global && !path.is_empty() {
                    continue;
                }
                match arg_entry(path, id, global) {
                    None => missing.push(format!("argument {id:?} of {path:?}")),
                    Some(i) => {
                        used.insert(('a', i));
                    }
                }
                if let Some(english) = arg.get_help_heading() {
                    match HEADINGS.iter().position(|(en, _)| *en == english) {
                        None => missing.push(format!("heading {english:?}")),
                        Some(i) => {
                            used.insert(('h', i));
                        }
                    }
                }
                if arg.is_hide_possible_values_set() {
                    continue;
                }
                for value in arg.get_possible_values() {
                    if value.is_hide_set() || value.get_help().is_none() {
                        continue;
                    }
                    match value_entry(path, id, value.get_name(), global) {
                        None => missing.push(format!(
                            "value {:?} of argument {id:?} of {path:?}",
                            value.get_name()
                        )),
                        Some(i) => {
                            used.insert(('v', i));
                        }
                    }
                }
            }
            for sub in command.get_subcommands() {
                walk(sub, &child(path, sub.get_name()), missing, used);
            }
        }
        let mut missing = Vec::new();
        let mut used = BTreeSet::new();
        walk(&Cli::command(), "", &mut missing, &mut used);
        assert!(
            missing.is_empty(),
            "no Vietnamese help for:\n{}",
            missing.join("\n")
        );
        let unused: Vec<String> = (0..COMMANDS.len())
            .filter(|i| !used.contains(&('c', *i)))
            .map(|i| format!("command {:?}", COMMANDS[i].0))
            .chain(
                (0..ARGS.len())
                    .filter(|i| !used.contains(&('a', *i)))
                    .map(|i| format!("argument {:?} of {:?}", ARGS[i].1, ARGS[i].0)),
            )
            .chain(
                (0..VALUES.len())
                    .filter(|i| !used.contains(&('v', *i)))
                    .map(|i| {
                        format!(
                            "value {:?} of {:?} of {:?}",
                            VALUES[i].2, VALUES[i].1, VALUES[i].0
                        )
                    }),
            )
            .chain(
                (0..HEADINGS.len())
                    .filter(|i| !used.contains(&('h', *i)))
                    .map(|i| format!("heading {:?}", HEADINGS[i].0)),
            )
            .collect();
        assert!(
            unused.is_empty(),
            "entries for nothing:\n{}",
            unused.join("\n")
        );
    }

    /// No word of clap's English is left in any help, short or long, of any command.
    #[test]
    fn the_vietnamese_help_has_no_english_left() {
        fn walk(command: &mut Command, path: &str) {
            for help in [command.render_help(), command.render_long_help()] {
                let help = help.to_string();
                for english in [
                    "Usage:",
                    "Commands:",
                    "Arguments:",
                    "Options:",
                    "[default:",
                    "possible values",
                    "Possible values",
                    "Print ",
                    "Examples:",
                    "Install (one of)",
                    "Reading the survey",
                ] {
                    assert!(
                        !help.contains(english),
                        "{path:?} says {english:?}:\n{help}"
                    );
                }
            }
            let names: Vec<String> = command
                .get_subcommands()
                .map(|s| s.get_name().to_owned())
                .collect();
            for name in names {
                let sub = command.find_subcommand_mut(&name).unwrap();
                walk(sub, &child(path, &name));
            }
        }
        let mut command = Cli::command_in(crate::lang::Lang::Vi);
        command.clone().debug_assert();
        walk(&mut command, "");
    }
}
