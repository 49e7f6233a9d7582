//! Letters from other scripts that look like Latin ones (Cyrillic, Greek, Armenian, IPA), as
//! scammers use them to spell "Vietcombank" so that a naive filter misses it. Keys are lower case:
//! the folder lowercases before looking up. This is a property of Unicode, not catalogue data.

/// The Latin letter a look-alike stands for, if it is one.
pub fn latin_for(c: char) -> Option<char> {
    let latin = match c {
        // Cyrillic
        'а' | 'ӑ' | 'ӓ' => 'a',
        'в' | 'ь' => 'b',
        'с' | 'ҫ' => 'c',
        'ԁ' => 'd',
        'е' | 'ё' | 'є' | 'ҽ' => 'e',
        'һ' | 'н' => 'h',
        'і' | 'ї' | 'ӏ' => 'i',
        'ј' => 'j',
        'к' | 'қ' => 'k',
        'м' => 'm',
        'п' => 'n',
        'о' | 'ӧ' => 'o',
        'р' => 'p',
        'ԛ' => 'q',
        'г' => 'r',
        'ѕ' => 's',
        'т' => 't',
        'џ' => 'u',
        'ѵ' => 'v',
        'ԝ' | 'ш' => 'w',
        'х' | 'ҳ' => 'x',
        'у' | 'ү' => 'y',
        // Greek
        'α' | 'ά' => 'a',
        'β' => 'b',
        'ε' | 'έ' => 'e',
        'η' => 'n',
        'ι' | 'ί' | 'ϊ' => 'i',
        'κ' => 'k',
        'μ' => 'u',
        'ν' => 'v',
        'ο' | 'ό' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' | 'ύ' => 'u',
        'χ' => 'x',
        'γ' => 'y',
        'ω' => 'w',
        'ϲ' => 'c',
        'ϳ' => 'j',
        // Armenian and Latin extensions
        'օ' => 'o',
        'ս' => 'u',
        'ց' => 'g',
        'ı' => 'i',
        'ȷ' => 'j',
        'ɡ' => 'g',
        'ɑ' => 'a',
        'ℓ' => 'l',
        'ø' => 'o',
        'ł' => 'l',
        'ƅ' => 'b',
        _ => return None,
    };
    Some(latin)
}
