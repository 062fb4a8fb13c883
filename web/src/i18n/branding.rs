//! Texts of the admins' form for the library's look (colour and logo).

use etakirjasto_shared::Lang;

use super::Text;

/// A text of the branding form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrandingText {
    /// Heading.
    Heading,
    /// The line under it.
    Intro,
    /// Field: the colour.
    Color,
    /// Its hint.
    ColorHint,
    /// Button: save the colour.
    SaveColor,
    /// Said after saving the colour.
    ColorSaved,
    /// Field: the logo file.
    Logo,
    /// Its hint.
    LogoHint,
    /// Button: upload.
    Upload,
    /// Said after uploading.
    LogoSaved,
    /// Button: remove the logo.
    RemoveLogo,
    /// Said after removing.
    LogoRemoved,
    /// No file chosen.
    NoFile,
}

impl Text for BrandingText {
    fn text(self, lang: Lang) -> &'static str {
        use BrandingText::*;
        match self {
            Heading => lang.pick("Kirjaston ilme", "Bibliotekets utseende", "The library's look"),
            Intro => lang.pick(
                "Kirjaston väri näkyy sivujen ylälaidassa ja painikkeissa. Valkoisen tekstin pitää erottua väristä hyvin, joten liian vaaleaa väriä ei voi valita.",
                "Bibliotekets färg syns överst på sidorna och på knapparna. Vit text måste synas bra på den, så en för ljus färg kan inte väljas.",
                "The library's colour is shown at the top of the pages and on buttons. White text must be easy to read on it, so a colour that is too light cannot be chosen.",
            ),
            Color => lang.pick("Väri", "Färg", "Colour"),
            ColorHint => lang.pick(
                "Muodossa #rrggbb, esimerkiksi #00325f. Tyhjä: palvelun oma väri.",
                "I formen #rrggbb, till exempel #00325f. Tomt: tjänstens egen färg.",
                "As #rrggbb, for example #00325f. Empty: the service's own colour.",
            ),
            SaveColor => lang.pick("Tallenna väri", "Spara färgen", "Save the colour"),
            ColorSaved => lang.pick("Väri tallennettu.", "Färgen sparad.", "Colour saved."),
            Logo => lang.pick("Logo", "Logotyp", "Logo"),
            LogoHint => lang.pick(
                "PNG-, JPEG- tai WebP-kuva, enintään 200 kt. Logo näkyy kirjaston nimen vieressä.",
                "En PNG-, JPEG- eller WebP-bild, högst 200 kB. Logotypen visas bredvid bibliotekets namn.",
                "A PNG, JPEG or WebP image of at most 200 kB. It is shown beside the library's name.",
            ),
            Upload => lang.pick("Lataa logo", "Ladda upp logotypen", "Upload the logo"),
            LogoSaved => lang.pick("Logo tallennettu.", "Logotypen sparad.", "Logo saved."),
            RemoveLogo => lang.pick("Poista logo", "Ta bort logotypen", "Remove the logo"),
            LogoRemoved => lang.pick("Logo poistettu.", "Logotypen borttagen.", "Logo removed."),
            NoFile => lang.pick("Valitse ensin kuvatiedosto.", "Välj först en bildfil.", "Choose an image file first."),
        }
    }
}
