//! Messages in both languages: `--lang` (and `NTM_LANG`) chooses the words of errors, warnings
//! and notes; the `error[code]:` before them stays as it is.

use crate::util::{ntm, ntm_with};

/// A survey with a problem of each family: a cell (not a number, an unknown region), a
/// repeated id, and a column the set does not use.
const SURVEY: &str = "Mã xã,Vùng,Năm,Chỉ tiêu 10,TC1,Ghi chu\nX1,TDMNPB,2022,\"4x,5\",Đạt,\nX2,Mars,2022,40,Đạt,\nX1,TDMNPB,2022,45,Xong,\n";

fn score(lang: &str) -> String {
    let run = ntm_with(
        &[
            "score",
            "-",
            "--criteria",
            "vn-commune-2021-2025",
            "--lang",
            lang,
        ],
        Some(SURVEY),
        None,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.stderr
}

#[test]
fn survey_problems_are_said_in_the_language_chosen() {
    let vi = score("vi");
    for said in [
        "warning[unknown-column]: <stdin>, dòng 1, cột «Ghi chu»: bộ tiêu chí vn-commune-2021-2025 không dùng cột này nên bỏ qua",
        "warning[missing-criteria]: <stdin>: tìm thấy 2 trên 19 cột tiêu chí; tiêu chí 2–9, 11–19 không được đánh giá",
        "error[not-a-number]: <stdin>, dòng 2, cột «Chỉ tiêu 10»: giá trị «4x,5»: không phải là số; cần một số như 45,5 hoặc 45.5",
        "error[unknown-region]: <stdin>, dòng 3, cột «Vùng»: giá trị «Mars»: không rõ vùng kinh tế - xã hội; phải là một trong TDMNPB, DBSH",
        "error[duplicate-id]: <stdin>, dòng 4, cột «Mã xã»: giá trị «X1»: trùng mã xã; đã có ở dòng 2",
        "error[not-a-verdict]: <stdin>, dòng 4, cột «TC1»: giá trị «Xong»: không phải là Đạt, Không đạt, Chưa đạt, Cơ bản đạt",
    ] {
        assert!(vi.contains(said), "{said}\n{vi}");
    }
    let en = score("en");
    for said in [
        "warning[unknown-column]: <stdin>:1: column \"Ghi chu\": not used by criteria set vn-commune-2021-2025 and ignored",
        "warning[missing-criteria]: <stdin>: 2 of 19 criterion columns found; criteria 2–9, 11–19 are not assessed",
        "error[not-a-number]: <stdin>:2: column \"Chỉ tiêu 10\": value \"4x,5\": not a number; expected a number such as 45.5 or 45,5",
        "error[unknown-region]: <stdin>:3: column \"Vùng\": value \"Mars\": unknown socio-economic region; expected one of TDMNPB, DBSH",
        "error[duplicate-id]: <stdin>:4: column \"Mã xã\": value \"X1\": duplicate commune_id; first seen on line 2",
        "error[not-a-verdict]: <stdin>:4: column \"TC1\": value \"Xong\": expected Đạt, Không đạt, Chưa đạt, Cơ bản đạt",
    ] {
        assert!(en.contains(said), "{said}\n{en}");
    }
    // the same lines, each with the same code, in the same order
    let codes = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| l.split(':').next().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(codes(&vi), codes(&en));
}

/// Warnings and notes of scoring, and an error of the command line, follow the language too;
/// `NTM_LANG` chooses it when `--lang` does not.
#[test]
fn warnings_notes_and_usage_errors_follow_the_language() {
    let run = |lang: &str| {
        let mut cmd = assert_cmd::Command::cargo_bin("ntm").unwrap();
        cmd.args(["score", "examples/tinh-mau-2022.csv", "--format", "csv"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("NTM_LANG", lang)
            .output()
            .unwrap()
    };
    let vi = String::from_utf8(run("vi").stderr).unwrap();
    assert!(
        vi.starts_with(
            "note: dùng bộ tiêu chí vn-commune-2021-2025 (2021–2025), bộ dành cho năm khảo sát 2022"
        ),
        "{vi}"
    );
    assert!(vi.contains("warning[unknown-threshold]: chỉ tiêu 10: bộ tiêu chí vn-commune-2021-2025 không có ngưỡng của mức «Xã đạt chuẩn nông thôn mới nâng cao» cho TDMNPB năm 2022"), "{vi}");
    assert!(
        vi.contains("warning[unverified-threshold]: ngưỡng của chỉ tiêu 2.1"),
        "{vi}"
    );
    let en = String::from_utf8(run("en").stderr).unwrap();
    assert!(
        en.starts_with("note: using criteria set vn-commune-2021-2025 (2021–2025), the set for the survey's year 2022"),
        "{en}"
    );
    assert!(
        en.contains(
            "warning[unknown-threshold]: indicator 10: the advanced threshold for TDMNPB in 2022"
        ),
        "{en}"
    );

    let missing = ntm(&["score", "no-such-file.csv", "--lang", "vi"]);
    assert_eq!(missing.code, 2);
    assert_eq!(
        missing.stderr,
        "error: no-such-file.csv: không có tệp hoặc thư mục này\n"
    );
    let missing = ntm(&["score", "no-such-file.csv", "--lang", "en"]);
    assert!(
        missing
            .stderr
            .starts_with("error: no-such-file.csv: No such file or directory"),
        "{}",
        missing.stderr
    );
}

/// The usage errors an office meets most — an unknown set, a sheet the workbook lacks, a
/// workbook asked for on standard output, an extension a command does not write — in both
/// languages.
#[test]
fn usage_errors_are_said_in_the_language_chosen() {
    let said = |lang: &str, args: &[&str]| {
        let mut all = vec!["--lang", lang];
        all.extend_from_slice(args);
        let run = ntm_with(&all, Some("commune_id,TC1\nX1,Đạt\n"), None);
        assert_eq!(run.code, 2, "{}", run.stderr);
        run.stderr
    };
    let unknown = ["score", "-", "--criteria", "khong-co"];
    assert!(
        said("vi", &unknown).starts_with(
            "error: không có bộ tiêu chí tích hợp sẵn «khong-co» và cũng không có tệp này; các bộ tích hợp sẵn: vn-commune-2016-2020,"
        ),
        "{}",
        said("vi", &unknown)
    );
    assert!(said("en", &unknown).starts_with(
        "error: no built-in criteria set \"khong-co\" and no such file; built-in sets: vn-commune-2016-2020,"
    ));
    let workbook = [
        "progress",
        "-",
        "--criteria",
        "vn-commune-2021-2025",
        "--format",
        "xlsx",
    ];
    assert_eq!(
        said("vi", &workbook),
        "error: không thể ghi tệp Excel ra màn hình (đầu ra chuẩn); hãy đặt tên tệp: ntm progress … -o TỆP.xlsx\n"
    );
    let extension = [
        "score",
        "-",
        "--criteria",
        "vn-commune-2021-2025",
        "-o",
        "x.pdf",
    ];
    assert!(
        said("vi", &extension).starts_with("error: ntm score không ghi tệp .pdf; lệnh này ghi "),
        "{}",
        said("vi", &extension)
    );
    let sheet = [
        "score",
        "-",
        "--criteria",
        "vn-commune-2021-2025",
        "--sheet",
        "Biểu 01",
    ];
    assert!(
        said("vi", &sheet).contains(
            "--sheet «Biểu 01» chọn một trang của tệp Excel, nhưng <stdin> được đọc như tệp CSV"
        ),
        "{}",
        said("vi", &sheet)
    );
}
