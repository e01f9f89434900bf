//! Language: the page's declaration (`<html lang>`, `content-language`, `og:locale`,
//! JSON-LD `inLanguage`) normalised to a BCP 47 tag, or else detected from the extracted
//! text with `whatlang` (trigram statistics, 69 languages) and reported as ISO 639-1.

/// Characters of body text given to the detector, at most.
const MAX_DETECT_CHARS: usize = 3000;
/// Fewer letters than this and no language is guessed.
const MIN_DETECT_CHARS: usize = 40;

/// Normalises a declared tag: `en_US` → `en-US`, `EN` → `en`, `de-de` → `de-DE`; `None`
/// for values that are not language tags (`x-default`, `*`, `{{lang}}`).
pub(crate) fn normalize(tag: &str) -> Option<String> {
    let tag = tag.split([',', ';']).next()?.trim();
    if tag.is_empty() || tag.len() > 35 {
        return None;
    }
    let mut parts = tag.split(['-', '_']);
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = primary.to_ascii_lowercase();
    if out == "x" || out == "i" {
        return None;
    }
    for p in parts {
        if p.is_empty() || p.len() > 8 || !p.chars().all(|c| c.is_ascii_alphanumeric()) {
            break;
        }
        out.push('-');
        if p.len() == 2 {
            out.push_str(&p.to_ascii_uppercase());
        } else if p.len() == 4 {
            // Script subtag: title case (zh-Hant).
            let mut cs = p.chars();
            if let Some(f) = cs.next() {
                out.push(f.to_ascii_uppercase());
                out.push_str(&cs.as_str().to_ascii_lowercase());
            }
        } else {
            out.push_str(&p.to_ascii_lowercase());
        }
    }
    Some(out)
}

/// The language of `text` as an ISO 639-1 code (or ISO 639-3 where there is none), when the
/// detector is confident.
pub(crate) fn detect(text: &str) -> Option<String> {
    let sample: String = text.chars().take(MAX_DETECT_CHARS).collect();
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_DETECT_CHARS {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code3 = info.lang().code();
    Some(iso639_1(code3).unwrap_or(code3).to_string())
}

/// ISO 639-3 → ISO 639-1 for the languages whatlang knows.
fn iso639_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "epo" => "eo",
        "eng" => "en",
        "rus" => "ru",
        "cmn" => "zh",
        "spa" => "es",
        "por" => "pt",
        "ita" => "it",
        "ben" => "bn",
        "fra" => "fr",
        "deu" => "de",
        "ukr" => "uk",
        "kat" => "ka",
        "ara" => "ar",
        "hin" => "hi",
        "jpn" => "ja",
        "heb" => "he",
        "yid" => "yi",
        "pol" => "pl",
        "amh" => "am",
        "jav" => "jv",
        "kor" => "ko",
        "nob" => "nb",
        "dan" => "da",
        "swe" => "sv",
        "fin" => "fi",
        "tur" => "tr",
        "nld" => "nl",
        "hun" => "hu",
        "ces" => "cs",
        "ell" => "el",
        "bul" => "bg",
        "bel" => "be",
        "mar" => "mr",
        "kan" => "kn",
        "ron" => "ro",
        "slv" => "sl",
        "hrv" => "hr",
        "srp" => "sr",
        "mkd" => "mk",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "tam" => "ta",
        "vie" => "vi",
        "urd" => "ur",
        "tha" => "th",
        "guj" => "gu",
        "uzb" => "uz",
        "pan" => "pa",
        "aze" => "az",
        "ind" => "id",
        "tel" => "te",
        "pes" => "fa",
        "mal" => "ml",
        "ori" => "or",
        "mya" => "my",
        "nep" => "ne",
        "sin" => "si",
        "khm" => "km",
        "tuk" => "tk",
        "aka" => "ak",
        "zul" => "zu",
        "sna" => "sn",
        "afr" => "af",
        "lat" => "la",
        "slk" => "sk",
        "cat" => "ca",
        "tgl" => "tl",
        "hye" => "hy",
        "cym" => "cy",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_tags_are_normalised() {
        assert_eq!(normalize("en").as_deref(), Some("en"));
        assert_eq!(normalize("en_US").as_deref(), Some("en-US"));
        assert_eq!(normalize("DE-de").as_deref(), Some("de-DE"));
        assert_eq!(normalize("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(normalize("en-US,en;q=0.9").as_deref(), Some("en-US"));
        assert_eq!(normalize("x-default"), None);
        assert_eq!(normalize("{{lang}}"), None);
        assert_eq!(normalize(""), None);
    }

    #[test]
    fn detected_from_text() {
        let de = "Die Bundesregierung hat am Donnerstag neue Regeln für den Klimaschutz \
                  beschlossen, die ab dem kommenden Jahr gelten sollen und viele Bereiche betreffen.";
        assert_eq!(detect(de).as_deref(), Some("de"));
        let en = "The government announced new rules on Thursday that will apply from next \
                  year and affect many areas of everyday life for most of the people.";
        assert_eq!(detect(en).as_deref(), Some("en"));
        assert_eq!(detect("Too short"), None);
    }
}
