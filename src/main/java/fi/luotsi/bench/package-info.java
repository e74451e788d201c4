/** The evaluation set, quality figures and the speed benchmark behind the bench command. */
package fi.luotsi.bench;
