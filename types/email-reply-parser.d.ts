// email-reply-parser 1.9.4 ships no types: the part of its API that lib/domain/email/inbound-text.ts uses.
declare module "email-reply-parser" {
  export default class EmailReplyParser {
    /** The text without quoted history and signatures. */
    parseReply(text: string): string;
  }
}
