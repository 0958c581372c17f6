/**
 * Movie vectors in a Milvus collection: {@link org.movierec.index.milvus.MilvusIndex} is a {@link
 * org.movierec.index.VectorIndex} whose searches run on a Milvus server, with the {@link
 * org.movierec.index.ItemFilter} pushed down as a Milvus filter expression ({@link
 * org.movierec.index.milvus.MilvusFilter}).
 *
 * <p>The collection users name ({@link org.movierec.index.milvus.MilvusOptions#collection()}) is an alias. Every build
 * writes a new collection, named after the model and the time, and only once it is complete, indexed and loaded
 * moves the alias to it and drops the previous one ({@link org.movierec.index.milvus.Reindex}), so searches never see
 * a half-built catalog. The model fingerprint is kept in the collection's description and checked on open.
 *
 * <p>Only this package imports {@code io.milvus}, and within it only {@link org.movierec.index.milvus.SdkOps} (the
 * calls) and {@link org.movierec.index.milvus.MilvusSchema} (the schema and index objects) do: the rest talks to the
 * small {@link org.movierec.index.milvus.MilvusOps} interface, which the tests replace by a recording fake. Failures
 * of the server or the network arrive as {@link org.movierec.index.milvus.MilvusStoreException}, whose message is one
 * line for the user.
 */
package org.movierec.index.milvus;
