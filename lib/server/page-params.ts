import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { recordNumberParam } from "@/lib/domain/validation";

/** The props Next gives a /<records>/<number> page and its generateMetadata. */
export type NumberPageProps = { params: Promise<{ number: string }> };

/**
 * The record number of the page, decoded and in capitals; a malformed escape answers 404 (REL-1),
 * never a 500.
 */
export async function pageNumber({ params }: NumberPageProps): Promise<string> {
  return recordNumberParam((await params).number) ?? notFound();
}

/** A record page's title: its number. */
export async function recordPageMetadata(props: NumberPageProps): Promise<Metadata> {
  return { title: await pageNumber(props) };
}
