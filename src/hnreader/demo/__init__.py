"""The demo edition: two faithful local CMS sites served over real HTTP."""
