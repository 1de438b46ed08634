//! Canvas's QTI 1.2 quiz package (`exercise --format qti --out quiz.zip`):
//! `imsmanifest.xml`, the assessment (one `numerical_question` item per
//! asked quantity, right within ± the tolerance around the key's value)
//! and Canvas's `assessment_meta.xml`, in a zip as Canvas exports them.
//! Pure until the zip's bytes: sheet in, bytes out.

use std::io::Write;

use super::{DEFAULT_TOLERANCE, plain_decimal};
use crate::error::{Error, Result};
use crate::exercise::Sheet;

/// Escape text for XML content and attributes.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

/// One question of the quiz: its title, text (plain), value and margin.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub ident: String,
    pub title: String,
    pub text: String,
    pub value: String,
    pub low: String,
    pub high: String,
}

/// The questions of a sheet, one per asked quantity.
pub fn questions(sh: &Sheet, tolerance: f64) -> Vec<Question> {
    let bound = |x: f64| {
        let s = format!("{x:.12}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    super::asked(sh)
        .into_iter()
        .map(|q| {
            let v = q.value.to_f64();
            Question {
                ident: format!("p{}q{}", q.number, q.index),
                title: q.title,
                text: q.text,
                value: plain_decimal(&q.value),
                low: bound(v - tolerance),
                high: bound(v + tolerance),
            }
        })
        .collect()
}

fn item(q: &Question) -> String {
    format!(
        r#"      <item ident="{id}" title="{title}">
        <itemmetadata>
          <qtimetadata>
            <qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>numerical_question</fieldentry></qtimetadatafield>
            <qtimetadatafield><fieldlabel>points_possible</fieldlabel><fieldentry>1.0</fieldentry></qtimetadatafield>
          </qtimetadata>
        </itemmetadata>
        <presentation>
          <material>
            <mattext texttype="text/html">{text}</mattext>
          </material>
          <response_str ident="response1" rcardinality="Single">
            <render_fib fibtype="Decimal">
              <response_label ident="answer1"/>
            </render_fib>
          </response_str>
        </presentation>
        <resprocessing>
          <outcomes>
            <decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/>
          </outcomes>
          <respcondition continue="No">
            <conditionvar>
              <or>
                <varequal respident="response1">{value}</varequal>
                <and>
                  <vargte respident="response1">{low}</vargte>
                  <varlte respident="response1">{high}</varlte>
                </and>
              </or>
            </conditionvar>
            <setvar action="Set" varname="SCORE">100</setvar>
          </respcondition>
        </resprocessing>
      </item>
"#,
        id = xml(&q.ident),
        title = xml(&q.title),
        text = xml(&format!("<p>{}</p>", xml(&q.text))),
        value = q.value,
        low = q.low,
        high = q.high,
    )
}

/// The quiz's identifier (also its folder in the zip).
fn ident(sh: &Sheet) -> String {
    format!("nn_tutor_seed_{}", sh.seed)
}

/// The assessment XML.
pub fn assessment(sh: &Sheet, tolerance: f64) -> String {
    let id = ident(sh);
    let title = format!("nn-tutor exercise, seed {}", sh.seed);
    let items: String = questions(sh, tolerance).iter().map(item).collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd">
  <assessment ident="{id}" title="{title}">
    <qtimetadata>
      <qtimetadatafield><fieldlabel>cc_maxattempts</fieldlabel><fieldentry>1</fieldentry></qtimetadatafield>
    </qtimetadata>
    <section ident="root_section">
{items}    </section>
  </assessment>
</questestinterop>
"#,
        title = xml(&title)
    )
}

fn meta(sh: &Sheet) -> String {
    let title = xml(&format!("nn-tutor exercise, seed {}", sh.seed));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<quiz identifier="{id}" xmlns="http://canvas.instructure.com/xsd/cccv1p0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://canvas.instructure.com/xsd/cccv1p0 https://canvas.instructure.com/xsd/cccv1p0.xsd">
  <title>{title}</title>
  <description>{cmd}</description>
  <quiz_type>assignment</quiz_type>
  <points_possible>{points}</points_possible>
  <assignment identifier="{id}_assignment">
    <title>{title}</title>
  </assignment>
</quiz>
"#,
        id = ident(sh),
        cmd = xml(&sh.command),
        points = questions(sh, 0.0).len()
    )
}

fn manifest(sh: &Sheet) -> String {
    let id = ident(sh);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}_manifest" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" xmlns:lom="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource" xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_v1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd">
  <metadata>
    <schema>IMS Content</schema>
    <schemaversion>1.1.3</schemaversion>
  </metadata>
  <organizations/>
  <resources>
    <resource identifier="{id}" type="imsqti_xmlv1p2">
      <file href="{id}/{id}.xml"/>
      <dependency identifierref="{id}_meta"/>
    </resource>
    <resource identifier="{id}_meta" type="associatedcontent/imscc_xmlv1p1/learning-application-resource" href="{id}/assessment_meta.xml">
      <file href="{id}/assessment_meta.xml"/>
    </resource>
  </resources>
</manifest>
"#
    )
}

/// The zip's bytes: the same sheet gives the same bytes (fixed times).
pub fn zip(sh: &Sheet, tolerance: Option<f64>) -> Result<Vec<u8>> {
    let tol = tolerance.unwrap_or(DEFAULT_TOLERANCE);
    let id = ident(sh);
    let files = [
        ("imsmanifest.xml".to_string(), manifest(sh)),
        (format!("{id}/{id}.xml"), assessment(sh, tol)),
        (format!("{id}/assessment_meta.xml"), meta(sh)),
    ];
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let err = |e: String| Error::Io {
        path: "QTI zip".to_string(),
        message: e,
    };
    for (name, text) in &files {
        w.start_file(name.as_str(), opts)
            .map_err(|e| err(e.to_string()))?;
        w.write_all(text.as_bytes())
            .map_err(|e| err(e.to_string()))?;
    }
    let cursor = w.finish().map_err(|e| err(e.to_string()))?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_zip_holds_the_manifest_and_one_item_per_quantity() {
        let ex = crate::catalog::find("backprop", 1).unwrap();
        let sh =
            crate::exercise::make(&[ex], 7, 2, crate::exercise::Lang::En, "cmd".into()).unwrap();
        let bytes = zip(&sh, None).unwrap();
        assert_eq!(
            bytes,
            zip(&sh, None).unwrap(),
            "the same sheet gives the same bytes"
        );
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut names: Vec<String> = z.file_names().map(|n| n.unwrap().into_owned()).collect();
        names.sort();
        assert_eq!(
            names,
            [
                "imsmanifest.xml",
                "nn_tutor_seed_7/assessment_meta.xml",
                "nn_tutor_seed_7/nn_tutor_seed_7.xml"
            ]
        );
        let mut xml_text = String::new();
        std::io::Read::read_to_string(
            &mut z.by_name("nn_tutor_seed_7/nn_tutor_seed_7.xml").unwrap(),
            &mut xml_text,
        )
        .unwrap();
        let n: usize = sh.problems.iter().map(|p| p.asked().len()).sum();
        assert_eq!(
            xml_text
                .matches("<fieldentry>numerical_question</fieldentry>")
                .count(),
            n
        );
        assert!(
            !xml_text.contains("<p>"),
            "the HTML is escaped inside mattext"
        );
    }
}
