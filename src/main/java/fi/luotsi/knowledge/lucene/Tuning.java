package fi.luotsi.knowledge.lucene;

/**
 * Retrieval weights and BM25 parameters, chosen on the evaluation's dev split only.
 *
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation (sections are short and uneven)
 * @param title weight of the stemmed heading
 * @param questions weight of the stemmed alternate questions
 * @param body weight of the stemmed text
 * @param doc weight of the stemmed file title and tags
 * @param gram weight of the character 4-gram field
 * @param fuzzy weight of fuzzy matches on unstemmed words
 * @param phrase weight of the sloppy phrase match on the text (0 = left out: it changed no answer
 *     on the dev split and cost a tenth of the search time at 5,000 sections)
 */
record Tuning(
    float k1,
    float b,
    float title,
    float questions,
    float body,
    float doc,
    float gram,
    float fuzzy,
    float phrase) {

  /** Chosen on the dev split (see the README's evaluation section). */
  static final Tuning DEFAULT = new Tuning(1.2f, 0.5f, 2.0f, 2.0f, 1.0f, 0.5f, 1.5f, 1.0f, 0f);
}
