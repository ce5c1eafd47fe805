"""What a site's author writes, read and checked: front matter and overrides, the issuer and its
exchanges, dates and times, the content walk and validation, the Markdown reader, rendering and
sanitising, HTML to text, and which releases are published.
"""
