#!/usr/bin/env python3
"""An archive generator independent of kamerzoek's own (`kamerzoek generate`, a Markov chain
trained on the five letters, has a small vocabulary): letters of about 2.6 KB whose words follow
Zipf's law over the Dutch word list, with names, numbers, codes and made-up compounds that keep
the vocabulary growing with the archive as a real one does (Heaps' law), a date line, a subject,
headings and hyphenated line breaks. For measuring the build at scale.
  bench/gen-letters.py COUNT OUT [SEED]"""
import os
import random
import sys

count, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
here = os.path.dirname(os.path.abspath(__file__))
words = [w for w in open(os.path.join(here, '..', 'src', 'lexicon', 'nl-words.txt'), encoding='utf-8').read().split() if w.isalpha()]
rng.shuffle(words)
# Zipf weights over the word list: the common words carry most of the text.
weights = [1 / (r + 1) ** 1.05 for r in range(len(words))]
cum = []
total = 0.0
for w in weights:
    total += w
    cum.append(total)
months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september',
          'oktober', 'november', 'december']
syll = ['ka', 'mer', 'ver', 'de', 'di', 'ging', 'lucht', 'zee', 'land', 'berg', 'stad', 'hof', 'van',
        'sen', 'ter', 'bos', 'ijk', 'ma', 'no', 'ru', 'tel', 'ken', 'dam', 'wijk', 'veld']


def word():
    import bisect
    return words[bisect.bisect_left(cum, rng.random() * total)]


def rare():
    """A token the archive has seldom or never seen: a name, a number, a code, a new compound."""
    kind = rng.random()
    if kind < 0.3:
        return ''.join(rng.choice(syll) for _ in range(rng.randint(2, 4))).capitalize()
    if kind < 0.5:
        return str(rng.randint(10, 999_999))
    if kind < 0.7:
        return f'{rng.randint(2007, 2026)}Z{rng.randint(10000, 99999)}'
    return word() + word()


def sentence():
    n = rng.randint(8, 22)
    ws = [rare() if rng.random() < 0.04 else word() for _ in range(n)]
    ws[0] = ws[0].capitalize()
    return ' '.join(ws) + '.'


def wrap(text, width=90):
    """Lines of at most `width`, now and then a word broken over the line with a hyphen."""
    lines, line = [], ''
    for w in text.split(' '):
        if len(line) + len(w) + 1 > width:
            if len(w) > 8 and rng.random() < 0.3:
                cut = rng.randint(3, len(w) - 3)
                lines.append(f'{line} {w[:cut]}-'.strip())
                line = w[cut:]
                continue
            lines.append(line)
            line = w
        else:
            line = f'{line} {w}'.strip()
    lines.append(line)
    return '\n'.join(lines)


os.makedirs(out, exist_ok=True)
for i in range(count):
    year = rng.randint(2007, 2026)
    parts = [f'Den Haag, {rng.randint(1, 28)} {rng.choice(months)} {year}', '',
             f'Betreft {word()} {word()} {rare()}', '']
    size = rng.randint(1500, 2900)
    body = []
    while sum(len(p) for p in body) < size:
        if rng.random() < 0.15:
            body.append(f'\n{word().capitalize()} {word()}\n')
        body.append(wrap(' '.join(sentence() for _ in range(rng.randint(2, 5)))))
    parts += body
    parts += ['', 'De minister van Defensie,', '', rare()]
    with open(os.path.join(out, f'g{i:07d}.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(parts) + '\n')
