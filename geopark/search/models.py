"""One row per searchable thing per language, with its text folded once when it is indexed, and
its distinct words in a token table so that a query looks words up in an index instead of scanning
every text."""

from __future__ import annotations

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from geopark.core.text import MAX_WORD_LENGTH, fold, index_words, word_sequence

TITLE_WEIGHT = 10
BODY_WEIGHT = 1
# Tokens that are not scored words but find phrases in titles without reading them: PAIR is two
# neighbouring title words ("dong dang"), START the title's first word, START_PAIR its first pair.
# START is 0, below the scored weights: a word's tokens weighing 1 or more are then its one scored
# token (a pair's text has a space), which a search reads in one range.
START = 0
PAIR = 2
START_PAIR = 3
TITLE_LENGTH_MAX = 300  # SearchDocument.title's max_length


def phrase_tokens(title_folded: str) -> list[tuple[str, int]]:
    """The phrase tokens of a folded title (a pair is its two words and a space; None when that
    would be longer than a word may be)."""
    words = word_sequence(title_folded)
    pairs = [
        f"{a} {b}" if len(a) + len(b) < MAX_WORD_LENGTH else None
        for a, b in zip(words, words[1:], strict=False)
    ]
    tokens = [(pair, PAIR) for pair in dict.fromkeys(pairs) if pair]
    if words:
        tokens.append((words[0], START))
    if pairs and pairs[0]:
        tokens.append((pairs[0], START_PAIR))
    return tokens


class SearchDocument(models.Model):
    # Derived from records whose own saves refresh the page cache; rebuilds call it themselves.
    affects_public_pages = False

    lang = models.CharField(max_length=8)
    kind = models.CharField(max_length=30, help_text=_("site, route, page …"))
    key = models.CharField(max_length=100, help_text=_("Identifies the indexed record within its kind."))
    title = models.CharField(max_length=300)
    summary = models.CharField(max_length=400, blank=True)
    url = models.CharField(max_length=400)
    title_folded = models.CharField(max_length=300)
    body_folded = models.TextField(blank=True)
    # The record's names in the other languages, one a line, as written: a visitor who types one
    # finds the record (their words and phrase tokens are indexed) and sees the name it matched.
    other_titles = models.TextField(blank=True, default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["lang", "kind", "key"], name="unique_search_document")]
        indexes = [models.Index(fields=["lang", "kind"])]

    def __str__(self) -> str:
        return f"[{self.lang}/{self.kind}] {self.title}"

    def save(self, *args, **kwargs) -> None:
        # Whoever writes a document (services, admin hooks, another app) keeps its tokens in step.
        with transaction.atomic(using=kwargs.get("using")):
            super().save(*args, **kwargs)
            self.tokens.all().delete()
            SearchToken.objects.bulk_create(self.make_tokens())

    def make_tokens(self) -> list[SearchToken]:
        return [
            SearchToken(
                document=self, lang=self.lang, word=word, weight=weight, title_length=self.title_length
            )
            for word, weight in self.index_tokens()
        ]

    @property
    def title_length(self) -> int:
        """What every token of this document carries, so that a word's postings can be read shortest
        title first (the order results of equal score are shown in) straight from the index."""
        return min(len(self.title), TITLE_LENGTH_MAX)

    def index_tokens(self) -> list[tuple[str, int]]:
        """(word, weight) of each distinct word: 10 when it is in the title, else 1 (the other
        languages' names are body words); then the title's phrase tokens, and the pairs of the
        other names, so that such a name typed whole is found as a phrase (ranked like a title
        holding every word, below a title holding the phrase)."""
        others = [fold(name) for name in self.other_names]
        weights = dict.fromkeys(index_words(" ".join([self.body_folded, *others])), BODY_WEIGHT)
        weights.update(dict.fromkeys(index_words(self.title_folded), TITLE_WEIGHT))
        tokens = dict.fromkeys(phrase_tokens(self.title_folded))
        for name in others:
            tokens.update(dict.fromkeys(token for token in phrase_tokens(name) if token[1] == PAIR))
        return [*weights.items(), *tokens]

    @property
    def other_names(self) -> list[str]:
        return [name for name in self.other_titles.splitlines() if name]


class SearchToken(models.Model):
    """A word of a document. The lookup index (lang, weight, word, title_length, document) is created
    per database by `services.create_lookup_index` (migrations 0002, 0004 and 0005): PostgreSQL compares
    words with the "C" collation so that a prefix is one range of the index whatever the database's
    collation. A migration that alters this table must create it again on SQLite (see 0003), which
    rebuilds altered tables with the indexes Django knows of only."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="tokens", db_index=False
    )
    lang = models.CharField(max_length=8)
    weight = models.PositiveSmallIntegerField()
    word = models.CharField(max_length=100)
    # The document's title length: a word's postings in the index are in the order results show.
    title_length = models.PositiveSmallIntegerField(default=0)

    class Meta:
        # A candidate document's weight for a word is one probe (also serves deleting a document).
        indexes = [models.Index(fields=["document", "word", "weight"], name="sitesearch_token_by_document")]

    def __str__(self) -> str:
        return self.word
