-- Drives the usersync language server from Neovim (0.7+) as an independent LSP client.
-- Inputs from the environment; writes what it saw as JSON to USERSYNC_RESULT, then quits.
local node = os.getenv('USERSYNC_NODE')
local server = os.getenv('USERSYNC_SERVER')
local file = os.getenv('USERSYNC_FILE')
local result_path = os.getenv('USERSYNC_RESULT')
local out = { steps = {} }

local function codes(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, { code = d.code or lsp.code, lnum = d.lnum, col = d.col, severity = d.severity, message = d.message })
  end
  return list
end

local function request(bufnr, method, params)
  local responses = vim.lsp.buf_request_sync(bufnr, method, params, 10000) or {}
  for _, r in pairs(responses) do
    if r.result ~= nil then return r.result end
  end
  return vim.NIL
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local client_id = vim.lsp.start_client({
    name = 'usersync',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    flags = { debounce_text_changes = 0 },
  })
  vim.lsp.buf_attach_client(bufnr, client_id)
  out.attached = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  out.opened = codes(bufnr)

  -- an edit: a half-typed `map profile ` line at the end of the connector (line index 4 is `}`)
  vim.api.nvim_buf_set_lines(bufnr, 4, 4, false, { '  map profile ' })
  vim.wait(10000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.lnum == 5 then return true end
    end
    return false
  end, 20)
  out.edited = codes(bufnr)

  local completion = request(bufnr, 'textDocument/completion', {
    textDocument = { uri = uri },
    position = { line = 4, character = 14 },
  })
  out.completion = {}
  local items = completion ~= vim.NIL and (completion.items or completion) or {}
  for _, item in ipairs(items) do table.insert(out.completion, item.label) end

  local lenses = request(bufnr, 'textDocument/codeLens', { textDocument = { uri = uri } })
  out.codeLens = {}
  for _, l in ipairs(lenses ~= vim.NIL and lenses or {}) do
    table.insert(out.codeLens, { line = l.range.start.line, title = l.command.title, command = l.command.command })
  end

  local hover = request(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 3, character = 28 } })
  out.hover = hover ~= vim.NIL and hover.contents.value or vim.NIL

  vim.lsp.stop_client(client_id)
  out.stopped = vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end)

out.ok = ok
if not ok then out.error = tostring(err) end
vim.fn.writefile({ vim.fn.json_encode(out) }, result_path)
vim.cmd('qa!')
