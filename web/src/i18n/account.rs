//! Texts of "My data" on my page: downloading one's data and deleting one's account.

use etakirjasto_shared::Lang;

use super::Text;

/// A text of the "My data" part of my page, or the confirmation after an account is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Account {
    /// Heading of the data download.
    DataHeading,
    /// What the download holds.
    DataWhat,
    /// What kind of file the download is.
    DataFile,
    /// The download button.
    DataButton,
    /// Shown while the data is being fetched.
    DataFetching,
    /// Shown after the file has been handed to the browser.
    DataSaved,
    /// Heading of the account deletion.
    DeleteHeading,
    /// What deletion removes.
    DeleteWhat,
    /// That deletion cannot be undone.
    DeleteFinal,
    /// Advice to download first.
    DeleteDownloadFirst,
    /// The destructive button.
    DeleteButton,
    /// Shown to staff and admins instead of the form.
    DeleteStaff,
    /// Confirmation on the home page after the account is deleted.
    Deleted,
}

impl Text for Account {
    fn text(self, lang: Lang) -> &'static str {
        use Account::*;
        match self {
            DataHeading => lang.pick("Omat tietoni", "Mina uppgifter", "My data"),
            DataWhat => lang.pick(
                "Voit ladata kaikki tiedot, jotka etäkirjasto on sinusta tallentanut: nimesi, yhteystietosi ja kirjastokorttisi numeron, kirjastot, joihin kuulut, milloin olet kirjautunut sisään, ja viimeisen vuorokauden kirjautumisyritykset.",
                "Du kan ladda ner alla uppgifter som distansbiblioteket har sparat om dig: ditt namn, dina kontaktuppgifter och ditt lånekortsnummer, biblioteken du hör till, när du har loggat in och inloggningsförsöken under det senaste dygnet.",
                "You can download everything the remote library has stored about you: your name, contact details and library card number, the libraries you belong to, when you have signed in, and the sign-in attempts of the last 24 hours.",
            ),
            DataFile => lang.pick(
                "Tiedot tulevat yhtenä tiedostona, joka on JSON-muodossa. Voit avata sen esimerkiksi tekstieditorilla.",
                "Uppgifterna kommer som en fil i JSON-format. Du kan öppna den till exempel i en textredigerare.",
                "The download is one file in JSON format. You can open it in a text editor, for example.",
            ),
            DataButton => lang.pick("Lataa tietoni", "Ladda ner mina uppgifter", "Download my data"),
            DataFetching => lang.pick("Haetaan tietojasi…", "Hämtar dina uppgifter…", "Fetching your data…"),
            DataSaved => lang.pick(
                "Tietosi on ladattu tiedostoon. Löydät sen selaimen latauksista.",
                "Dina uppgifter har laddats ner till en fil. Du hittar den bland webbläsarens nedladdningar.",
                "Your data has been downloaded to a file. You will find it in your browser's downloads.",
            ),
            DeleteHeading => lang.pick("Poista tilini", "Radera mitt konto", "Delete my account"),
            DeleteWhat => lang.pick(
                "Kun poistat tilisi, etäkirjasto poistaa nimesi, yhteystietosi, kirjastot ja kirjautumistietosi. Et voi enää kirjautua tällä tilillä.",
                "När du raderar ditt konto raderar distansbiblioteket ditt namn, dina kontaktuppgifter, biblioteken och dina inloggningsuppgifter. Du kan inte längre logga in med kontot.",
                "When you delete your account, the remote library deletes your name, contact details, libraries and sign-in details. You will no longer be able to sign in with this account.",
            ),
            DeleteFinal => lang.pick(
                "Poistoa ei voi perua.",
                "Det går inte att ångra.",
                "This cannot be undone.",
            ),
            DeleteDownloadFirst => lang.pick(
                "Jos haluat säilyttää tietosi, lataa ne ensin.",
                "Om du vill spara dina uppgifter, ladda ner dem först.",
                "If you want to keep your data, download it first.",
            ),
            DeleteButton => lang.pick(
                "Poista tilini pysyvästi",
                "Radera mitt konto för alltid",
                "Delete my account permanently",
            ),
            DeleteStaff => lang.pick(
                "Henkilökunnan tilit poistaa kirjaston pääkäyttäjä.",
                "Personalens konton raderas av bibliotekets administratör.",
                "Staff accounts are removed by a library administrator.",
            ),
            Deleted => lang.pick(
                "Tilisi on poistettu.",
                "Ditt konto har raderats.",
                "Your account has been deleted.",
            ),
        }
    }
}
