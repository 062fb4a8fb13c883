//! Texts of the sign-in and registration forms, and of the fields that confirm an account deletion.

use etakirjasto_shared::Lang;

use super::Text;

/// A text of the sign-in or registration form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// Heading and title of the sign-in page.
    SignInTitle,
    /// Introduction on the sign-in page.
    SignInIntro,
    /// Legend of the sign-in method choice.
    SignInHow,
    /// Method: email or phone with password.
    MethodPassword,
    /// Method: library card with PIN.
    MethodCard,
    /// Label of the combined email-or-phone field.
    EmailOrPhone,
    /// Hint under the combined email-or-phone field.
    EmailOrPhoneHint,
    /// Label of the password field.
    Password,
    /// Label of the library card number field.
    CardNumber,
    /// Hint under the card number field.
    CardNumberHint,
    /// Label of the PIN field.
    Pin,
    /// Hint under the PIN field when signing in.
    PinHint,
    /// Submit button on the sign-in page.
    SignInButton,
    /// Shown while the form is being sent.
    Sending,
    /// Link from sign-in to registration.
    NoAccount,
    /// Confirmation after signing out.
    SignedOut,
    /// Heading of the error summary.
    SummaryTitle,
    /// Heading and title of the registration page.
    RegisterTitle,
    /// Introduction on the registration page.
    RegisterIntro,
    /// Label of the name field.
    Name,
    /// Hint under the name field.
    NameHint,
    /// Legend of the registration method choice.
    RegisterHow,
    /// Label of the email field.
    Email,
    /// Label of the phone field.
    Phone,
    /// Hint under the email and phone fields.
    EmailPhoneHint,
    /// Hint under the new password field.
    NewPasswordHint,
    /// Hint under the PIN field when registering.
    NewPinHint,
    /// Submit button on the registration page.
    RegisterButton,
    /// Link from registration to sign-in.
    HaveAccount,
    /// Hint under the password field that confirms an account deletion.
    ConfirmPasswordHint,
    /// Hint under the PIN field that confirms an account deletion.
    ConfirmPinHint,
    /// Label of the one-time code field.
    OneTimeCode,
    /// Hint under the one-time code field when signing in.
    OneTimeCodeHint,
    /// Shown when the password was right and the code is needed.
    CodeNeeded,
    /// Heading and title of the two-step sign-in page.
    TwoStepTitle,
    /// Why two-step sign-in matters.
    TwoStepIntro,
    /// Staff must set it up before the staff tools open.
    TwoStepStaffNeeds,
    /// Status: it is on.
    TwoStepOn,
    /// Button that starts setting it up.
    TwoStepStart,
    /// Step 1 of setting it up.
    TwoStepStep1,
    /// Step 2: scan the QR code or type the key.
    TwoStepStep2,
    /// Label of the key typed by hand.
    TwoStepKey,
    /// Text alternative of the QR code.
    TwoStepQrAlt,
    /// Step 3: type the code.
    TwoStepStep3,
    /// Hint under the code field when setting up.
    TwoStepCodeHint,
    /// Button that confirms setup.
    TwoStepConfirm,
    /// Heading over new recovery codes.
    RecoveryTitle,
    /// What recovery codes are and how to keep them.
    RecoveryIntro,
    /// Heading of the form for new recovery codes.
    RecoveryRenewTitle,
    /// Button that renews the recovery codes.
    RecoveryRenew,
    /// Link to the two-step page from "my page".
    TwoStepLink,
}

impl Text for Auth {
    fn text(self, lang: Lang) -> &'static str {
        use Auth::*;
        match self {
            SignInTitle => lang.pick("Kirjaudu sisään", "Logga in", "Sign in"),
            SignInIntro => lang.pick(
                "Voit kirjautua sähköpostiosoitteella tai puhelinnumerolla ja salasanalla, tai kirjastokortilla ja PIN-koodilla.",
                "Du kan logga in med e-postadress eller telefonnummer och lösenord, eller med lånekort och PIN-kod.",
                "You can sign in with your email address or phone number and password, or with your library card and PIN.",
            ),
            SignInHow => lang.pick("Miten haluat kirjautua?", "Hur vill du logga in?", "How do you want to sign in?"),
            MethodPassword => lang.pick(
                "Sähköposti tai puhelinnumero ja salasana",
                "E-post eller telefonnummer och lösenord",
                "Email or phone number and password",
            ),
            MethodCard => lang.pick("Kirjastokortti ja PIN-koodi", "Lånekort och PIN-kod", "Library card and PIN"),
            EmailOrPhone => lang.pick(
                "Sähköposti tai puhelinnumero",
                "E-post eller telefonnummer",
                "Email or phone number",
            ),
            EmailOrPhoneHint => lang.pick(
                "Esimerkiksi maija@esimerkki.fi tai 040 123 4567",
                "Till exempel maja@exempel.fi eller 040 123 4567",
                "For example maija@example.fi or 040 123 4567",
            ),
            Password => lang.pick("Salasana", "Lösenord", "Password"),
            CardNumber => lang.pick("Kirjastokortin numero", "Lånekortets nummer", "Library card number"),
            CardNumberHint => lang.pick(
                "Numero on kortin takana viivakoodin alla.",
                "Numret finns på baksidan av kortet under streckkoden.",
                "The number is on the back of the card, under the barcode.",
            ),
            Pin => lang.pick("PIN-koodi", "PIN-kod", "PIN"),
            PinHint => lang.pick(
                "Saat PIN-koodin kirjastosta, jos se on unohtunut.",
                "Om du har glömt PIN-koden får du en ny på biblioteket.",
                "If you have forgotten your PIN, the library can give you a new one.",
            ),
            SignInButton => lang.pick("Kirjaudu sisään", "Logga in", "Sign in"),
            Sending => lang.pick("Lähetetään…", "Skickar…", "Sending…"),
            NoAccount => lang.pick(
                "Eikö sinulla ole vielä tiliä? Luo tili",
                "Har du inget konto ännu? Skapa konto",
                "No account yet? Create one",
            ),
            SignedOut => lang.pick("Olet kirjautunut ulos.", "Du har loggat ut.", "You have signed out."),
            SummaryTitle => lang.pick("Tarkista tiedot", "Kontrollera uppgifterna", "There is a problem"),
            RegisterTitle => lang.pick("Luo tili", "Skapa konto", "Create an account"),
            RegisterIntro => lang.pick(
                "Tilillä voit käyttää kirjaston etäpalveluja. Tarvitset nimen ja joko sähköpostin tai puhelinnumeron ja salasanan, tai kirjastokortin ja PIN-koodin.",
                "Med ett konto kan du använda bibliotekets distanstjänster. Du behöver ett namn och antingen e-post eller telefonnummer och lösenord, eller lånekort och PIN-kod.",
                "An account lets you use the library's remote services. You need a name and either an email address or phone number with a password, or a library card and PIN.",
            ),
            Name => lang.pick("Nimi", "Namn", "Name"),
            NameHint => lang.pick(
                "Nimi, jolla kirjasto voi puhutella sinua.",
                "Namnet som biblioteket kan kalla dig.",
                "The name the library may call you.",
            ),
            RegisterHow => lang.pick(
                "Miten haluat kirjautua jatkossa?",
                "Hur vill du logga in i fortsättningen?",
                "How do you want to sign in later?",
            ),
            Email => lang.pick("Sähköposti", "E-post", "Email"),
            Phone => lang.pick("Puhelinnumero", "Telefonnummer", "Phone number"),
            EmailPhoneHint => lang.pick(
                "Anna sähköposti, puhelinnumero tai molemmat.",
                "Ange e-post, telefonnummer eller båda.",
                "Give an email address, a phone number or both.",
            ),
            NewPasswordHint => lang.pick(
                "Vähintään 10 merkkiä. Pitkä lause on hyvä salasana.",
                "Minst 10 tecken. En lång mening är ett bra lösenord.",
                "At least 10 characters. A long sentence makes a good password.",
            ),
            NewPinHint => lang.pick("4–8 numeroa.", "4–8 siffror.", "4 to 8 digits."),
            RegisterButton => lang.pick("Luo tili", "Skapa konto", "Create account"),
            HaveAccount => lang.pick(
                "Onko sinulla jo tili? Kirjaudu sisään",
                "Har du redan ett konto? Logga in",
                "Already have an account? Sign in",
            ),
            ConfirmPasswordHint => lang.pick(
                "Vahvista poisto kirjoittamalla salasanasi.",
                "Bekräfta genom att skriva ditt lösenord.",
                "To confirm, type your password.",
            ),
            ConfirmPinHint => lang.pick(
                "Vahvista poisto kirjoittamalla kirjastokorttisi PIN-koodi.",
                "Bekräfta genom att skriva lånekortets PIN-kod.",
                "To confirm, type your library card PIN.",
            ),
            OneTimeCode => lang.pick("Tunnistuskoodi", "Engångskod", "Security code"),
            OneTimeCodeHint => lang.pick(
                "Tunnistussovelluksen näyttämät 6 numeroa, tai yksi varakoodeistasi.",
                "De 6 siffrorna som autentiseringsappen visar, eller en av dina reservkoder.",
                "The 6 digits your authenticator app shows, or one of your recovery codes.",
            ),
            CodeNeeded => lang.pick(
                "Salasana oli oikein. Anna vielä tunnistuskoodi.",
                "Lösenordet var rätt. Ange också engångskoden.",
                "Your password was right. Now enter your security code.",
            ),
            TwoStepTitle => lang.pick(
                "Kaksivaiheinen kirjautuminen",
                "Tvåstegsinloggning",
                "Two-step sign-in",
            ),
            TwoStepIntro => lang.pick(
                "Kaksivaiheisessa kirjautumisessa annat salasanan lisäksi puhelimesi tunnistussovelluksen näyttämän koodin. Silloin pelkkä salasana ei riitä kenellekään muulle.",
                "Vid tvåstegsinloggning anger du förutom lösenordet en kod som autentiseringsappen i din telefon visar. Då räcker inte lösenordet ensamt för någon annan.",
                "With two-step sign-in you enter your password and then a code shown by an authenticator app on your phone. Your password alone is then not enough for anyone else.",
            ),
            TwoStepStaffNeeds => lang.pick(
                "Henkilökunnan työkalut näyttävät asiakkaiden henkilötietoja, joten ne avautuvat vasta, kun kaksivaiheinen kirjautuminen on käytössä.",
                "Personalens verktyg visar kunders personuppgifter, så de öppnas först när tvåstegsinloggning används.",
                "Staff tools show patrons' personal details, so they open only once two-step sign-in is on.",
            ),
            TwoStepOn => lang.pick(
                "Kaksivaiheinen kirjautuminen on käytössä.",
                "Tvåstegsinloggning används.",
                "Two-step sign-in is on.",
            ),
            TwoStepStart => lang.pick(
                "Ota kaksivaiheinen kirjautuminen käyttöön",
                "Aktivera tvåstegsinloggning",
                "Set up two-step sign-in",
            ),
            TwoStepStep1 => lang.pick(
                "1. Avaa puhelimesi tunnistussovellus (esimerkiksi Microsoft Authenticator, Google Authenticator tai FreeOTP) ja valitse uuden tilin lisääminen.",
                "1. Öppna autentiseringsappen i telefonen (till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP) och välj att lägga till ett konto.",
                "1. Open the authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or FreeOTP) and choose to add an account.",
            ),
            TwoStepStep2 => lang.pick(
                "2. Lue QR-koodi sovelluksella, tai kirjoita sovellukseen alla oleva avain.",
                "2. Läs QR-koden med appen, eller skriv in nyckeln nedan i appen.",
                "2. Scan the QR code with the app, or type the key below into the app.",
            ),
            TwoStepKey => lang.pick("Avain", "Nyckel", "Key"),
            TwoStepQrAlt => lang.pick(
                "QR-koodi tunnistussovellukselle. Sama avain on kirjoitettuna alla.",
                "QR-kod för autentiseringsappen. Samma nyckel står utskriven nedan.",
                "QR code for the authenticator app. The same key is written out below.",
            ),
            TwoStepStep3 => lang.pick(
                "3. Kirjoita sovelluksen nyt näyttämä koodi.",
                "3. Skriv koden som appen visar nu.",
                "3. Type the code the app shows now.",
            ),
            TwoStepCodeHint => lang.pick(
                "6 numeroa. Koodi vaihtuu 30 sekunnin välein.",
                "6 siffror. Koden byts var 30:e sekund.",
                "6 digits. The code changes every 30 seconds.",
            ),
            TwoStepConfirm => lang.pick("Vahvista", "Bekräfta", "Confirm"),
            RecoveryTitle => lang.pick("Varakoodisi", "Dina reservkoder", "Your recovery codes"),
            RecoveryIntro => lang.pick(
                "Jos puhelimesi katoaa, voit kirjautua yhdellä näistä koodeista. Kukin koodi toimii kerran. Tallenna tai tulosta ne nyt: niitä ei näytetä uudelleen.",
                "Om du tappar telefonen kan du logga in med en av dessa koder. Varje kod fungerar en gång. Spara eller skriv ut dem nu: de visas inte igen.",
                "If you lose your phone, you can sign in with one of these codes. Each code works once. Save or print them now: they are not shown again.",
            ),
            RecoveryRenewTitle => lang.pick(
                "Uudet varakoodit",
                "Nya reservkoder",
                "New recovery codes",
            ),
            RecoveryRenew => lang.pick(
                "Luo uudet varakoodit",
                "Skapa nya reservkoder",
                "Make new recovery codes",
            ),
            TwoStepLink => lang.pick(
                "Kaksivaiheinen kirjautuminen",
                "Tvåstegsinloggning",
                "Two-step sign-in",
            ),
        }
    }
}
