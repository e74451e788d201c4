/** The knowledge base: Markdown files with front matter, loaded and validated into sections. */
package fi.luotsi.knowledge;
