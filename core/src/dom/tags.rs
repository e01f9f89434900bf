//! HTML tag names as a small enum, so passes match on `Tag::P` rather than on strings.

macro_rules! tags {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// An HTML element name; anything not listed is [`Tag::Other`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum Tag {
            $($variant,)*
            /// Any other element (custom elements, obsolete tags, SVG/MathML children).
            Other,
        }

        impl Tag {
            /// The tag for a lower-case local name.
            pub(crate) fn from_name(name: &str) -> Tag {
                match name {
                    $($name => Tag::$variant,)*
                    _ => Tag::Other,
                }
            }

            /// The lower-case name (`"other"` for [`Tag::Other`]).
            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(Tag::$variant => $name,)*
                    Tag::Other => "other",
                }
            }
        }
    };
}

tags! {
    A => "a", Abbr => "abbr", Address => "address", Article => "article", Aside => "aside",
    Audio => "audio", B => "b", Bdi => "bdi", Bdo => "bdo", Big => "big",
    Blockquote => "blockquote", Body => "body", Br => "br", Button => "button",
    Canvas => "canvas", Caption => "caption", Center => "center", Cite => "cite", Code => "code",
    Col => "col", Colgroup => "colgroup", Data => "data", Datalist => "datalist", Dd => "dd",
    Del => "del", Details => "details", Dfn => "dfn", Dialog => "dialog", Div => "div",
    Dl => "dl", Dt => "dt", Em => "em", Embed => "embed", Fieldset => "fieldset",
    Figcaption => "figcaption", Figure => "figure", Font => "font", Footer => "footer",
    Form => "form", Frame => "frame", Frameset => "frameset", H1 => "h1", H2 => "h2",
    H3 => "h3", H4 => "h4", H5 => "h5", H6 => "h6", Head => "head", Header => "header",
    Hgroup => "hgroup", Hr => "hr", Html => "html", I => "i", Iframe => "iframe", Img => "img",
    Input => "input", Ins => "ins", Kbd => "kbd", Label => "label", Legend => "legend",
    Li => "li", Link => "link", Main => "main", Map => "map", Mark => "mark", Math => "math",
    Menu => "menu", Meta => "meta", Meter => "meter", Nav => "nav", Noframes => "noframes", Noscript => "noscript",
    Object => "object", Ol => "ol", Optgroup => "optgroup", Option => "option",
    Output => "output", P => "p", Param => "param", Picture => "picture", Pre => "pre",
    Progress => "progress", Q => "q", Rp => "rp", Rt => "rt", Ruby => "ruby", S => "s",
    Samp => "samp", Script => "script", Search => "search", Section => "section",
    Select => "select", Slot => "slot", Small => "small", Source => "source", Span => "span",
    Strike => "strike", Strong => "strong", Style => "style", Sub => "sub",
    Summary => "summary", Sup => "sup", Svg => "svg", Table => "table", Tbody => "tbody",
    Td => "td", Template => "template", Textarea => "textarea", Tfoot => "tfoot", Th => "th",
    Thead => "thead", Time => "time", Title => "title", Tr => "tr", Track => "track",
    Tt => "tt", U => "u", Ul => "ul", Var => "var", Video => "video", Wbr => "wbr",
}

impl Tag {
    /// Elements that start a new block of text (everything else flows inline).
    pub(crate) fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Body
                | Caption
                | Center
                | Dd
                | Details
                | Dialog
                | Div
                | Dl
                | Dt
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hgroup
                | Hr
                | Html
                | Legend
                | Li
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Pre
                | Section
                | Summary
                | Table
                | Tbody
                | Td
                | Tfoot
                | Th
                | Thead
                | Tr
                | Ul
                | Search
                | Frameset
                | Option
                | Optgroup
                | Select
                | Textarea
                | Iframe
                | Video
                | Audio
                | Canvas
                | Object
                | Embed
                | Map
        )
    }

    /// `h1`…`h6` → 1…6.
    pub(crate) fn heading_level(self) -> Option<u8> {
        match self {
            Tag::H1 => Some(1),
            Tag::H2 => Some(2),
            Tag::H3 => Some(3),
            Tag::H4 => Some(4),
            Tag::H5 => Some(5),
            Tag::H6 => Some(6),
            _ => None,
        }
    }

    /// Elements whose content is never article text.
    pub(crate) fn is_never_content(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Script
                | Style
                | Template
                | Head
                | Title
                | Meta
                | Link
                | Noframes
                | Noscript
                | Svg
                | Canvas
                | Iframe
                | Object
                | Embed
                | Param
                | Source
                | Track
                | Audio
                | Video
                | Button
                | Input
                | Select
                | Textarea
                | Option
                | Optgroup
                | Datalist
                | Output
                | Progress
                | Meter
                | Dialog
                | Map
                | Frameset
                | Frame
                | Rp
                | Col
                | Colgroup
                | Slot
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        assert_eq!(Tag::from_name("blockquote"), Tag::Blockquote);
        assert_eq!(Tag::Blockquote.name(), "blockquote");
        assert_eq!(Tag::from_name("my-widget"), Tag::Other);
        assert_eq!(Tag::H3.heading_level(), Some(3));
        assert!(Tag::P.is_block() && !Tag::Span.is_block());
    }
}
