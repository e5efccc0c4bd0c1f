//! Dutch stop words (the Snowball list), question words, and the English function and question
//! words of a question typed in English ("what did the minister say about air defence"). They
//! stay in the index, because phrases need them, but weigh little in ranking.

/// One string, not a list of strings: a list costs the wasm 8 bytes of pointer a word. Question
/// words are stop words too: a visitor's question is not what a letter says ("hoeveel gaf
/// Nederland aan de UDCG"); they weigh as little as the function words and never veto a query.
const STOP_WORDS: &str = "\
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door \
    dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun \
    iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar \
    niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit \
    uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich \
    zij zijn zo zonder zou hoeveel waar waarom wanneer welk welke \
    a about after all also an and any are at be been but by can could did do does for from \
    has have how if into its made make more most not of on or our say said says should some \
    tell than that the their them there these they this those to under were what when where \
    which who why will with would you";

/// Whether a folded word is a stop word.
pub fn is_stop_word(folded: &str) -> bool {
    !folded.is_empty() && STOP_WORDS.split(' ').any(|w| w == folded)
}
