/**
 * The Lucene implementation of the knowledge index: analysis chains, language resources, queries,
 * coverage.
 */
package fi.luotsi.knowledge.lucene;
