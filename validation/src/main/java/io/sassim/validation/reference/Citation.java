package io.sassim.validation.reference;

/**
 * Where a published value comes from.
 *
 * @param source the work: authors, title or venue, arXiv id
 * @param location where in it: a table, or the file in the authors' repository
 * @param url a link to the source or its repository; null when there is none
 */
public record Citation(String source, String location, String url) {}
