/**
 * Question to answer: language, retrieval through the knowledge index, the decision to answer or
 * decline.
 */
package fi.luotsi.answer;
